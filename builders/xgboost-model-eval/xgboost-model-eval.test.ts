import { createHash } from 'node:crypto';
import { resolvePropertyPath } from '@stepscore/sagemaker';
import { ConfigValidationError, InMemoryArtifactStore, parseBuilderConfig, SpecContractAlignmentError } from '@stepscore/step-builder';
import { DependencyType, StepSpecification, validateScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  xgboostModelEval,
  type XGBoostModelEvalConfig,
  xgboostModelEvalContract,
  xgboostModelEvalDefaultConfig,
  xgboostModelEvalSpec,
  XGBoostModelEvalStepBuilder,
} from './index.js';

const MODEL = { Get: 'Steps.XGBoostTraining.ModelArtifacts.S3ModelArtifacts' };
const DATA = 's3://stepscore-example-bucket/processed/calibration/';

function config(overrides: Record<string, unknown> = {}): XGBoostModelEvalConfig {
  return parseBuilderConfig(xgboostModelEval, { ...xgboostModelEvalDefaultConfig, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(xgboostModelEval, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('XGBoostModelEval config', () => {
  it('defaults to calibration on ml.m5.xlarge with XGBoost 1.7-1', () => {
    const { job_type: _j, processing_instance_type: _i, processing_framework_version: _f, ...minimal } = xgboostModelEvalDefaultConfig;
    expect(parseBuilderConfig(xgboostModelEval, minimal)).toMatchObject({
      job_type: 'calibration',
      processing_instance_type: 'ml.m5.xlarge',
      processing_framework_version: '1.7-1',
    });
  });

  it('requires a source bundle named sourcedir.tar.gz, as a framework processor does', () => {
    expect(issuesOf({ ...xgboostModelEvalDefaultConfig, processing_source_dir: 's3://my-bucket/code/eval.tar.gz' })).toEqual([
      {
        field: 'processing_source_dir',
        message: 'must be an S3 object named sourcedir.tar.gz (a framework processor unpacks only that name) (got "s3://my-bucket/code/eval.tar.gz")',
      },
    ]);
  });

  it('requires the id and label columns', () => {
    const { id_field: _i, label_field: _l, ...rest } = xgboostModelEvalDefaultConfig;
    expect(issuesOf(rest).map((i) => i.field)).toEqual(['id_field', 'label_field']);
  });

  it("accepts 'testing' and rejects the reference's 'test'", () => {
    expect(config({ job_type: 'testing' }).job_type).toBe('testing');
    expect(issuesOf({ ...xgboostModelEvalDefaultConfig, job_type: 'test' })[0]?.field).toBe('job_type');
  });
});

describe('XGBoostModelEval contract and spec', () => {
  it('is a legal processing contract, aligned both ways with the spec', () => {
    expect(validateScriptContract(xgboostModelEvalContract, 'Processing').errors).toEqual([]);
    expect(StepSpecification.create(xgboostModelEvalSpec).validateContractAlignment().errors).toEqual([]);
  });

  it('takes model artefacts from training steps only', () => {
    const dep = StepSpecification.create(xgboostModelEvalSpec).getDependency('model_input');
    expect(dep).toMatchObject({ dependencyType: DependencyType.MODEL_ARTIFACTS, required: true });
    expect(dep?.compatibleSources).not.toContain('XGBoostModel');
  });

  it.each(['eval_output', 'metrics_output'])('%s has a real, distinct DescribeProcessingJob property path', (name) => {
    const path = StepSpecification.create(xgboostModelEvalSpec).getOutput(name)?.propertyPath ?? '';
    expect(path).toBe(`properties.ProcessingOutputConfig.Outputs['${name}'].S3Output.S3Uri`);
    expect(resolvePropertyPath(path, 'DescribeProcessingJobResponse')).toMatchObject({ ok: true });
  });

  it('refuses to construct with a contract output the spec lacks', () => {
    const contract = {
      ...xgboostModelEvalContract,
      expectedOutputPaths: { ...xgboostModelEvalContract.expectedOutputPaths, plots: '/opt/ml/processing/output/plots' },
    };
    expect(() => new XGBoostModelEvalStepBuilder(config(), { spec: { ...xgboostModelEvalSpec, scriptContract: contract } })).toThrow(
      SpecContractAlignmentError,
    );
  });
});

describe('the XGBoostModelEval step', async () => {
  const store = new InMemoryArtifactStore();
  const builder = new XGBoostModelEvalStepBuilder(config(), { artifactStore: store });
  const step = await builder.createStep({ inputs: { model_input: MODEL, processed_data: DATA } });
  const args = step.Arguments;

  it('is a cached Processing step named with its job type, with metrics.json as a property file', () => {
    expect(step).toMatchObject({ Name: 'XGBoostModelEval-Calibration', Type: 'Processing', CacheConfig: { Enabled: true, ExpireAfter: 'P30D' } });
    expect(step.PropertyFiles).toEqual([{ PropertyFileName: 'EvaluationReport', OutputName: 'metrics_output', FilePath: 'metrics.json' }]);
  });

  it('runs the launcher with bash on the XGBoost image, passing --job_type', () => {
    expect(args.AppSpecification).toEqual({
      ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
      ContainerArguments: ['--job_type', 'calibration'],
      ContainerEntrypoint: ['/bin/bash', '/opt/ml/processing/input/entrypoint/runproc.sh'],
    });
  });

  it('writes the launcher once, at a key named by its content, and it runs the entry point', () => {
    expect(store.artifacts).toHaveLength(1);
    const [launcher] = store.artifacts;
    const digest = createHash('sha256')
      .update(launcher?.body ?? '')
      .digest('hex');
    expect(launcher?.s3Uri).toBe(`s3://stepscore-example-bucket/stepscore-bsm-xgboost-NA/code/${digest}/runproc.sh`);
    expect(launcher?.body).toContain('tar -xzf sourcedir.tar.gz');
    expect(launcher?.body).toContain('python xgboost_model_evaluation.py "$@"');
  });

  it('mounts the model, the data, the bundle and the launcher', () => {
    expect(args.ProcessingInputs?.map((i) => [i.InputName, i.S3Input?.LocalPath])).toEqual([
      ['model_input', '/opt/ml/processing/input/model'],
      ['processed_data', '/opt/ml/processing/input/eval_data'],
      ['code', '/opt/ml/processing/input/code/'],
      ['entrypoint', '/opt/ml/processing/input/entrypoint'],
    ]);
    expect(args.ProcessingInputs?.[0]?.S3Input?.S3Uri).toEqual(MODEL);
    expect(args.ProcessingInputs?.[2]?.S3Input?.S3Uri).toBe('s3://stepscore-example-bucket/code/evaluation/sourcedir.tar.gz');
  });

  it('collects both outputs under their logical names', () => {
    expect(args.ProcessingOutputConfig?.Outputs?.map((o) => [o.OutputName, o.S3Output?.LocalPath])).toEqual([
      ['eval_output', '/opt/ml/processing/output/eval'],
      ['metrics_output', '/opt/ml/processing/output/metrics'],
    ]);
  });

  it('sets ID_FIELD and LABEL_FIELD from the config', () => {
    expect(args.Environment).toEqual({ ID_FIELD: 'id', LABEL_FIELD: 'target' });
  });

  it('needs both inputs', async () => {
    await expect(builder.createStep({ inputs: { model_input: MODEL } })).rejects.toThrow("Required input 'processed_data' not provided");
  });
});
