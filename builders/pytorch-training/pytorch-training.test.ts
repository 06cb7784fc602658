import { encodeHyperparameters } from '@stepscore/sagemaker';
import { ConfigValidationError, InMemoryArtifactStore, parseBuilderConfig, SpecContractAlignmentError } from '@stepscore/step-builder';
import { DependencyType, NodeType, StepSpecification, validateTrainingScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  pytorchTraining,
  type PyTorchTrainingConfig,
  pytorchTrainingContract,
  pytorchTrainingDefaultConfig,
  pytorchTrainingSpec,
  PyTorchTrainingStepBuilder,
} from './index.js';
import { PYTORCH_TRAINING_INSTANCE_TYPES } from './config.js';

const INPUT = 's3://stepscore-example-bucket/preprocessed/';

function config(overrides: Record<string, unknown> = {}): PyTorchTrainingConfig {
  return parseBuilderConfig(pytorchTraining, { ...pytorchTrainingDefaultConfig, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(pytorchTraining, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('PyTorch training config', () => {
  it('accepts the default config', () => {
    expect(config().pipeline_name).toBe('stepscore-bsm-pytorch-NA');
  });

  it("applies the builder's defaults", () => {
    const { training_instance_type: _t, framework_version: _f, py_version: _p, training_entry_point: _e, ...minimal } = pytorchTrainingDefaultConfig;
    expect(parseBuilderConfig(pytorchTraining, minimal)).toMatchObject({
      training_instance_type: 'ml.g5.12xlarge',
      framework_version: '2.1.0',
      py_version: 'py310',
      training_entry_point: 'train.py',
      enable_sagemaker_metrics: true,
      enable_checkpointing: true,
    });
  });

  it('takes a distribution strategy given as undefined (a JavaScript config) as one left out, not as a crash', () => {
    const distribution = { torch_distributed: undefined, mpi: { enabled: true, processes_per_host: 2 } };
    expect(config({ distribution }).distribution?.mpi?.enabled).toBe(true);
    expect(issuesOf({ ...pytorchTrainingDefaultConfig, distribution: { ...distribution, pytorchddp: { enabled: true } } })).toEqual([
      { field: 'distribution', message: 'enable one distribution strategy, found pytorchddp, mpi' },
    ]);
  });

  it('requires hyperparameters', () => {
    const { hyperparameters: _h, ...rest } = pytorchTrainingDefaultConfig;
    expect(issuesOf(rest)).toEqual([{ field: 'hyperparameters', message: 'required field is missing (expected object)' }]);
  });

  it("names the allowed instance types in the reference's words", () => {
    const [issue] = issuesOf({ ...pytorchTrainingDefaultConfig, training_instance_type: 'ml.inf2.xlarge' });
    expect(issue?.field).toBe('training_instance_type');
    expect(issue?.message).toMatch(/^Invalid training instance type: ml\.inf2\.xlarge\. Must be one of: ml\.m4\.xlarge, /);
    expect(PYTORCH_TRAINING_INSTANCE_TYPES).toEqual(expect.arrayContaining(['ml.g5.12xlarge', 'ml.p4d.24xlarge', 'ml.c5.xlarge', 'ml.g6.xlarge']));
  });

  it('requires the label to be in the full field list', () => {
    expect(issuesOf({ ...pytorchTrainingDefaultConfig, hyperparameters: { ...pytorchTrainingDefaultConfig.hyperparameters, label_name: 'y' } })).toEqual([
      { field: 'hyperparameters.label_name', message: "label_name 'y' must be in full_field_list" },
    ]);
  });

  it('rejects unknown top-level fields', () => {
    expect(issuesOf({ ...pytorchTrainingDefaultConfig, instance_type: 'ml.g5.12xlarge' })).toEqual([
      { field: '(config)', message: "unknown field(s) 'instance_type': remove or fix the spelling" },
    ]);
  });

  it('requires source_dir', () => {
    const { source_dir: _s, ...rest } = pytorchTrainingDefaultConfig;
    expect(issuesOf(rest)).toEqual([{ field: 'source_dir', message: 'required field is missing (expected string)' }]);
  });
});

describe('PyTorch training contract and spec', () => {
  it('has a legal training contract', () => {
    expect(validateTrainingScriptContract(pytorchTrainingContract).errors).toEqual([]);
  });

  it('supports checkpoints through SM_CHECKPOINT_DIR, not as an output', () => {
    expect(Object.keys(pytorchTrainingContract.expectedOutputPaths)).toEqual(['model_output', 'data_output']);
    expect(pytorchTrainingContract.optionalEnvVars).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
  });

  it('is a valid internal spec aligned with its contract both ways', () => {
    const spec = StepSpecification.create(pytorchTrainingSpec);
    expect(spec.nodeType).toBe(NodeType.INTERNAL);
    expect(spec.scriptContract).toBe(pytorchTrainingContract);
    expect(spec.validateContractAlignment().errors).toEqual([]);
  });

  it('needs input_path as training data', () => {
    const spec = StepSpecification.create(pytorchTrainingSpec);
    expect([...spec.dependencies.keys()]).toEqual(['input_path']);
    expect(spec.getDependency('input_path')).toMatchObject({ dependencyType: DependencyType.TRAINING_DATA, required: true, dataType: 'S3Uri' });
  });

  it("outputs the model and the data at real DescribeTrainingJob properties, with the seed's aliases", () => {
    const spec = StepSpecification.create(pytorchTrainingSpec);
    expect(spec.getOutput('model_output')).toMatchObject({
      outputType: DependencyType.MODEL_ARTIFACTS,
      propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
      aliases: ['ModelArtifacts', 'model_data', 'output_path', 'model_input'],
    });
    expect(spec.getOutput('data_output')).toMatchObject({
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.OutputDataConfig.S3OutputPath',
      aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
    });
    expect(spec.getOutput('checkpoints')).toBeUndefined();
  });
});

describe('PyTorchTrainingStepBuilder', () => {
  it("refuses the seed's original contract with its checkpoints output", () => {
    const withCheckpoints = {
      ...pytorchTrainingContract,
      expectedOutputPaths: { ...pytorchTrainingContract.expectedOutputPaths, checkpoints: '/opt/ml/checkpoints' },
    };
    let error: unknown;
    try {
      new PyTorchTrainingStepBuilder(config(), { spec: { ...pytorchTrainingSpec, scriptContract: withCheckpoints } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecContractAlignmentError);
    expect((error as Error).message).toBe(`Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`);
  });

  it('names the missing setting when the config lacks one', () => {
    const { source_dir: _s, ...incomplete } = config();
    expect(() => new PyTorchTrainingStepBuilder(incomplete as PyTorchTrainingConfig)).toThrow('PyTorchTrainingConfig missing required attribute: source_dir');
  });

  it('names the step PyTorchTraining, with the job type when there is one', () => {
    expect(new PyTorchTrainingStepBuilder(config()).getStepName()).toBe('PyTorchTraining');
    expect(new PyTorchTrainingStepBuilder(config({ job_type: 'training' })).getStepName()).toBe('PyTorchTraining-Training');
  });

  describe('the step from the default config', async () => {
    const builder = new PyTorchTrainingStepBuilder(config());
    const step = await builder.createStep({ inputs: { input_path: INPUT } });
    const args = step.Arguments;

    it('is a Training step named after the builder, cached for P30D', () => {
      expect(step.Name).toBe('PyTorchTraining');
      expect(step.Type).toBe('Training');
      expect(step.CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P30D' });
      expect(step.DependsOn).toBeUndefined();
    });

    it('feeds input_path to one data channel', () => {
      expect(args.InputDataConfig).toEqual([
        {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: INPUT, S3DataDistributionType: 'FullyReplicated' } },
          ChannelName: 'data',
        },
      ]);
    });

    it('runs the GPU PyTorch image of the configured version in the configured region', () => {
      expect(args.AlgorithmSpecification).toEqual({
        TrainingInputMode: 'File',
        TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310',
        EnableSageMakerMetricsTimeSeries: true,
      });
    });

    it("carries the user's hyperparameters JSON-encoded, then the framework's", () => {
      const { hyperparameters } = pytorchTrainingDefaultConfig;
      expect(args.HyperParameters).toEqual({
        ...encodeHyperparameters(hyperparameters),
        sagemaker_submit_directory: '"s3://stepscore-example-bucket/code/pytorch/sourcedir.tar.gz"',
        sagemaker_program: '"train.py"',
        sagemaker_container_log_level: '20',
        sagemaker_region: '"us-east-1"',
      });
      expect(args.HyperParameters?.['full_field_list']).toBe('["id", "feature1", "feature2", "text_field", "target"]');
      expect(args.HyperParameters?.['lr']).toBe('3e-05');
    });

    it("writes under the pipeline's S3 location; the debugger hook is off because checkpoints sync both ways (as the SDK does)", () => {
      const output = 's3://stepscore-example-bucket/MODS/stepscore-bsm-pytorch-NA_1.0.0/pytorch_training';
      expect(args.OutputDataConfig).toEqual({ S3OutputPath: output });
      expect(args.DebugHookConfig).toBeUndefined();
      expect(args.ProfilerConfig).toEqual({ DisableProfiler: true });
    });

    it('sizes and bounds the job from the config', () => {
      expect(args.ResourceConfig).toEqual({ VolumeSizeInGB: 30, InstanceCount: 1, InstanceType: 'ml.g5.12xlarge' });
      expect(args.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 86_400 });
      expect(args.RoleArn).toBe('arn:aws:iam::123456789012:role/SageMakerRole');
    });

    it('supports checkpoints through the contract variable and a per-execution CheckpointConfig below the output', () => {
      expect(args.Environment).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
      expect(args.CheckpointConfig).toEqual({
        S3Uri: {
          'Std:Join': {
            On: '/',
            Values: [
              's3://stepscore-example-bucket/MODS/stepscore-bsm-pytorch-NA_1.0.0/pytorch_training',
              'checkpoints',
              { Get: 'Execution.PipelineExecutionId' },
            ],
          },
        },
        LocalPath: '/opt/ml/checkpoints',
      });
    });
  });

  it('uses the configured checkpoint location and local path', async () => {
    const builder = new PyTorchTrainingStepBuilder(
      config({ checkpoint_s3_uri: 's3://ckpt-bucket/run1', env: { SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run1' } }),
    );
    const step = await builder.createStep({ inputs: { input_path: INPUT } });
    expect(step.Arguments.CheckpointConfig).toEqual({ S3Uri: 's3://ckpt-bucket/run1', LocalPath: '/opt/ml/checkpoints/run1' });
    expect(step.Arguments.Environment).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run1' });
  });

  it('leaves out what the config turns off', async () => {
    const builder = new PyTorchTrainingStepBuilder(
      config({ enable_checkpointing: false, enable_sagemaker_metrics: false, debugger_hook_config: false, enable_caching: false }),
    );
    const step = await builder.createStep({ inputs: { input_path: INPUT } });
    expect(step.Arguments.CheckpointConfig).toBeUndefined();
    expect(step.Arguments.Environment).toBeUndefined();
    expect(step.Arguments.DebugHookConfig).toBeUndefined();
    expect(step.Arguments.AlgorithmSpecification?.EnableSageMakerMetricsTimeSeries).toBeUndefined();
    expect(step.CacheConfig).toBeUndefined();
  });

  it('uses the configured output path, without a trailing slash', async () => {
    const step = await new PyTorchTrainingStepBuilder(config({ output_path: 's3://out-bucket/pt/' })).createStep({ inputs: { input_path: INPUT } });
    expect(step.Arguments.OutputDataConfig).toEqual({ S3OutputPath: 's3://out-bucket/pt' });
    expect(step.Arguments.CheckpointConfig?.S3Uri).toEqual({
      'Std:Join': { On: '/', Values: ['s3://out-bucket/pt', 'checkpoints', { Get: 'Execution.PipelineExecutionId' }] },
    });
  });

  it('passes a pipeline expression input through to the channel', async () => {
    const get = { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" };
    const step = await new PyTorchTrainingStepBuilder(config()).createStep({ inputs: { input_path: get } });
    expect(step.Arguments.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toEqual(get);
  });

  it('takes its input from an upstream step and waits for it', async () => {
    const upstream = StepSpecification.create({
      stepType: 'TabularPreprocessing_Training',
      nodeType: NodeType.SOURCE,
      dependencies: [],
      outputs: [
        {
          logicalName: 'processed_data',
          outputType: DependencyType.PROCESSING_OUTPUT,
          propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
          aliases: ['input_path', 'training_data'],
        },
      ],
    });
    const step = await new PyTorchTrainingStepBuilder(config()).createStep({
      dependencies: [{ name: 'Preprocess', spec: upstream }],
      dependsOn: ['Baseline'],
    });
    expect(step.Arguments.InputDataConfig?.map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri])).toEqual([
      ['data', { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" }],
    ]);
    expect(step.DependsOn).toEqual(['Preprocess', 'Baseline']);
  });

  it('refuses to create a step without its required input', async () => {
    await expect(new PyTorchTrainingStepBuilder(config()).createStep()).rejects.toThrow("Required input 'input_path' not provided");
  });

  it('writes nothing to S3', async () => {
    const store = new InMemoryArtifactStore();
    await new PyTorchTrainingStepBuilder(config(), { artifactStore: store }).createStep({ inputs: { input_path: INPUT } });
    expect(store.artifacts).toEqual([]);
  });
});
