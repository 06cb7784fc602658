import { resolvePropertyPath } from '@stepscore/sagemaker';
import { ConfigValidationError, parseBuilderConfig, SpecContractAlignmentError } from '@stepscore/step-builder';
import { DependencyType, StepSpecification, validateScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  tabularPreprocessing,
  type TabularPreprocessingConfig,
  tabularPreprocessingContract,
  tabularPreprocessingDefaultConfig,
  tabularPreprocessingSpecFor,
  TabularPreprocessingStepBuilder,
} from './index.js';

const DATA = 's3://stepscore-example-bucket/raw/training/';

function config(overrides: Record<string, unknown> = {}): TabularPreprocessingConfig {
  return parseBuilderConfig(tabularPreprocessing, { ...tabularPreprocessingDefaultConfig, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(tabularPreprocessing, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('TabularPreprocessing config', () => {
  it('accepts the default config and applies the defaults', () => {
    const { processing_instance_type: _i, train_ratio: _t, job_type: _j, ...minimal } = tabularPreprocessingDefaultConfig;
    expect(parseBuilderConfig(tabularPreprocessing, minimal)).toMatchObject({
      processing_instance_type: 'ml.m5.2xlarge',
      train_ratio: 0.7,
      job_type: 'training',
      text_columns: [],
      enable_caching: true,
    });
  });

  it('requires the label and names it', () => {
    const { label_field: _l, ...rest } = tabularPreprocessingDefaultConfig;
    expect(issuesOf(rest)).toEqual([{ field: 'label_field', message: 'required field is missing (expected string)' }]);
  });

  it("rejects 'test' as a job type, naming the four the specs exist for", () => {
    expect(issuesOf({ ...tabularPreprocessingDefaultConfig, job_type: 'test' })).toEqual([
      { field: 'job_type', message: 'job_type must be one of training, calibration, validation, testing, got "test"' },
    ]);
  });

  it('keeps split ratios strictly between 0 and 1', () => {
    expect(issuesOf({ ...tabularPreprocessingDefaultConfig, train_ratio: 1 })).toEqual([
      { field: 'train_ratio', message: 'Split ratio must be strictly between 0 and 1, got 1' },
    ]);
  });

  it('refuses GPU instances (scikit-learn has no GPU image) and unknown framework versions', () => {
    const issues = issuesOf({ ...tabularPreprocessingDefaultConfig, processing_instance_type: 'ml.g5.xlarge', processing_framework_version: '1.4-1' });
    expect(issues.map((i) => i.field)).toEqual(['processing_instance_type', 'processing_framework_version']);
    expect(issues[0]?.message).toMatch(/^Invalid processing instance type for scikit-learn: ml\.g5\.xlarge\. Must be one of: ml\.m5\.large, /);
    expect(issues[1]?.message).toBe('Invalid scikit-learn framework version: 1.4-1. Must be one of: 0.20.0, 0.23-1, 1.0-1, 1.2-1');
  });

  it('needs the code location in S3', () => {
    expect(issuesOf({ ...tabularPreprocessingDefaultConfig, processing_source_dir: './scripts' })[0]?.field).toBe('processing_source_dir');
  });
});

describe('TabularPreprocessing contract and specs', () => {
  it('has a legal processing contract that declares --job_type', () => {
    expect(validateScriptContract(tabularPreprocessingContract, 'Processing').errors).toEqual([]);
    expect(tabularPreprocessingContract.expectedArguments).toEqual({ job_type: 'training' });
  });

  it.each(['training', 'calibration', 'validation', 'testing'] as const)('the %s spec is valid, aligned, and its output path is real', (jobType) => {
    const spec = StepSpecification.create(tabularPreprocessingSpecFor(jobType));
    expect(spec.validateContractAlignment().errors).toEqual([]);
    expect(spec.getDependency('DATA')).toMatchObject({ dependencyType: DependencyType.PROCESSING_OUTPUT, required: true });
    expect(spec.getDependency('DATA')?.semanticKeywords).toContain(jobType);
    const output = spec.getOutput('processed_data');
    expect(output?.propertyPath).toBe("properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri");
    expect(resolvePropertyPath(output?.propertyPath ?? '', 'DescribeProcessingJobResponse')).toMatchObject({ ok: true, leafType: 'string' });
  });

  it('the builder takes the spec of its job type', () => {
    const builder = new TabularPreprocessingStepBuilder(config({ job_type: 'calibration' }));
    expect(builder.spec.getOutputByNameOrAlias('calibration_data')?.logicalName).toBe('processed_data');
    expect(builder.getStepName()).toBe('TabularPreprocessing-Calibration');
  });

  it('refuses to construct when spec and contract disagree', () => {
    const contract = {
      ...tabularPreprocessingContract,
      expectedInputPaths: { ...tabularPreprocessingContract.expectedInputPaths, SIGNATURE: '/opt/ml/processing/input/signature' },
    };
    expect(() => new TabularPreprocessingStepBuilder(config(), { spec: { ...tabularPreprocessingSpecFor('training'), scriptContract: contract } })).toThrow(
      SpecContractAlignmentError,
    );
  });
});

describe('the TabularPreprocessing step', async () => {
  const builder = new TabularPreprocessingStepBuilder(config());
  const step = await builder.createStep({ inputs: { DATA } });
  const args = step.Arguments;

  it('is a cached Processing step named with its job type', () => {
    expect(step).toMatchObject({ Name: 'TabularPreprocessing-Training', Type: 'Processing', CacheConfig: { Enabled: true, ExpireAfter: 'P30D' } });
  });

  it('runs the scikit-learn image of the region with python3 on the mounted script and --job_type', () => {
    expect(args.AppSpecification).toEqual({
      ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
      ContainerArguments: ['--job_type', 'training'],
      ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/tabular_preprocessing.py'],
    });
  });

  it('mounts DATA at the contract path, then the script as input code', () => {
    expect(args.ProcessingInputs?.map((i) => [i.InputName, i.S3Input?.S3Uri, i.S3Input?.LocalPath])).toEqual([
      ['DATA', DATA, '/opt/ml/processing/input/data'],
      ['code', 's3://stepscore-example-bucket/code/preprocessing/tabular_preprocessing.py', '/opt/ml/processing/input/code'],
    ]);
  });

  it('names its output processed_data (what the property path indexes) and writes it per execution by default', () => {
    expect(args.ProcessingOutputConfig?.Outputs).toEqual([
      {
        OutputName: 'processed_data',
        AppManaged: false,
        S3Output: {
          S3Uri: {
            'Std:Join': {
              On: '/',
              Values: [
                's3:/',
                'stepscore-example-bucket',
                'stepscore-bsm-xgboost-NA',
                { Get: 'Execution.PipelineExecutionId' },
                'TabularPreprocessing-Training',
                'output',
                'processed_data',
              ],
            },
          },
          LocalPath: '/opt/ml/processing/output',
          S3UploadMode: 'EndOfJob',
        },
      },
    ]);
  });

  it('sets every contract variable from the config, lists comma-joined', () => {
    expect(args.Environment).toEqual({
      LABEL_FIELD: 'target',
      TRAIN_RATIO: '0.7',
      TEST_VAL_RATIO: '0.5',
      CATEGORICAL_COLUMNS: 'category_1,category_2',
      NUMERICAL_COLUMNS: 'numeric_1,numeric_2',
      TEXT_COLUMNS: '',
      DATE_COLUMNS: '',
    });
  });

  it('sizes the cluster from the config', () => {
    expect(args.ProcessingResources).toEqual({ ClusterConfig: { InstanceType: 'ml.m5.2xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } });
    expect(args.RoleArn).toBe('arn:aws:iam::123456789012:role/SageMakerRole');
  });

  it('sends an output where it is told, and wires DATA from an upstream step', async () => {
    const upstream = StepSpecification.create({
      stepType: 'DataLoad',
      nodeType: 'source',
      dependencies: [],
      outputs: [
        { logicalName: 'data', outputType: DependencyType.PROCESSING_OUTPUT, propertyPath: "properties.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri" },
      ],
    });
    const wired = await builder.createStep({ dependencies: [{ name: 'LoadData', spec: upstream }], outputs: { processed_data: 's3://b/processed' } });
    expect(wired.Arguments.ProcessingInputs?.[0]?.S3Input?.S3Uri).toEqual({ Get: "Steps.LoadData.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri" });
    expect(wired.Arguments.ProcessingOutputConfig?.Outputs?.[0]?.S3Output?.S3Uri).toBe('s3://b/processed');
    expect(wired.DependsOn).toEqual(['LoadData']);
  });

  it('refuses to build without DATA', async () => {
    await expect(builder.createStep({})).rejects.toThrow("Required input 'DATA' not provided");
  });

  it('references its output on itself', () => {
    expect(builder.getOutputReference('processed_data')).toEqual({
      Get: "Steps.TabularPreprocessing-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
    });
  });
});
