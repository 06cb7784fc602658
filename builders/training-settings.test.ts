import { ConfigValidationError, InMemoryArtifactStore, parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { pytorchTraining, pytorchTrainingDefaultConfig, PyTorchTrainingStepBuilder } from './pytorch-training/index.js';
import { xgboostTraining, xgboostTrainingDefaultConfig, XGBoostTrainingStepBuilder } from './xgboost-training/index.js';

// Each setting the SageMaker Python SDK v2.257.6 estimators and TrainingStep offer, rendered through our
// builders and compared with what the SDK emits for it (src/sagemaker/estimator.py, inputs.py, session.py
// _get_train_request, pytorch/estimator.py, workflow/steps.py and retry.py, read at that tag).

const INPUT = 's3://stepscore-example-bucket/preprocessed';
const OUTPUT = 's3://stepscore-example-bucket/MODS/stepscore-bsm-pytorch-NA_1.0.0/pytorch_training';

async function pytorchStep(overrides: Record<string, unknown>) {
  const config = parseBuilderConfig(pytorchTraining, { ...pytorchTrainingDefaultConfig, enable_checkpointing: false, ...overrides });
  return new PyTorchTrainingStepBuilder(config).createStep({ inputs: { input_path: INPUT } });
}

async function xgboostStep(overrides: Record<string, unknown>) {
  const config = parseBuilderConfig(xgboostTraining, { ...xgboostTrainingDefaultConfig, ...overrides });
  return new XGBoostTrainingStepBuilder(config, { artifactStore: new InMemoryArtifactStore() }).createStep({ inputs: { input_path: INPUT } });
}

function issuesOf(registration: typeof pytorchTraining | typeof xgboostTraining, raw: Record<string, unknown>) {
  try {
    parseBuilderConfig(registration as typeof pytorchTraining, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('input channels (TrainingInput)', () => {
  it('adds named channels with their own location, content type, input mode, distribution and compression', async () => {
    const step = await pytorchStep({
      input_channels: {
        validation: { s3_uri: 's3://my-bucket/val', content_type: 'text/csv', input_mode: 'Pipe', distribution: 'ShardedByS3Key', compression: 'Gzip' },
        manifest: { s3_uri: 's3://my-bucket/m.manifest', s3_data_type: 'ManifestFile', record_wrapping: 'RecordIO' },
      },
    });
    expect(step.Arguments.InputDataConfig?.slice(1)).toEqual([
      {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://my-bucket/val', S3DataDistributionType: 'ShardedByS3Key' } },
        CompressionType: 'Gzip',
        ContentType: 'text/csv',
        InputMode: 'Pipe',
        ChannelName: 'validation',
      },
      {
        DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: 's3://my-bucket/m.manifest', S3DataDistributionType: 'FullyReplicated' } },
        RecordWrapperType: 'RecordIO',
        ChannelName: 'manifest',
      },
    ]);
  });

  it('gives the builder’s own data channels a content type', async () => {
    const step = await pytorchStep({ input_content_type: 'application/x-parquet' });
    expect(step.Arguments.InputDataConfig?.[0]?.ContentType).toBe('application/x-parquet');
  });

  it('names the field of a bad channel setting', () => {
    expect(
      issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, input_channels: { validation: { s3_uri: 's3://my-bucket/v', distribution: 'Sharded' } } }),
    ).toEqual([
      {
        field: 'input_channels.validation.distribution',
        message: 'expected one of FullyReplicated, ShardedByS3Key or a pipeline expression such as {"Get": "Parameters.X"}',
      },
    ]);
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, input_channels: { 'bad name': { s3_uri: 's3://my-bucket/v' } } })[0]?.field).toBe(
      'input_channels.bad name',
    );
  });

  it('refuses a channel name used twice', async () => {
    await expect(pytorchStep({ input_channels: { data: { s3_uri: 's3://my-bucket/x' } } })).rejects.toThrow("Two input channels are named 'data'");
  });

  it('feeds model_uri to the model channel as the SDK does (another step’s model artifacts, say)', async () => {
    const model = { Get: 'Steps.Pretrain.ModelArtifacts.S3ModelArtifacts' };
    const step = await pytorchStep({ model_uri: model });
    expect(step.Arguments.InputDataConfig?.at(-1)).toEqual({
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: model, S3DataDistributionType: 'FullyReplicated' } },
      ContentType: 'application/x-sagemaker-model',
      InputMode: 'File',
      ChannelName: 'model',
    });
    const renamed = await pytorchStep({ model_uri: 's3://my-bucket/model.tar.gz', model_channel_name: 'pretrained' });
    expect(renamed.Arguments.InputDataConfig?.at(-1)?.ChannelName).toBe('pretrained');
  });

  it('takes the input mode of the whole job', async () => {
    const step = await pytorchStep({ input_mode: 'FastFile' });
    expect(step.Arguments.AlgorithmSpecification?.TrainingInputMode).toBe('FastFile');
  });
});

describe('PyTorch distribution (PyTorch._pytorch_distribution_configuration)', () => {
  it.each([
    [{ torch_distributed: { enabled: true } }, { sagemaker_torch_distributed_enabled: 'true', sagemaker_instance_type: '"ml.p4d.24xlarge"' }],
    [
      { pytorchddp: { enabled: true } },
      {
        sagemaker_distributed_dataparallel_enabled: 'true',
        sagemaker_instance_type: '"ml.p4d.24xlarge"',
        sagemaker_distributed_dataparallel_custom_mpi_options: '""',
      },
    ],
    [
      { torch_distributed: { enabled: true }, smdistributed: { dataparallel: { enabled: true, custom_mpi_options: '-x NCCL_DEBUG=INFO' } } },
      {
        sagemaker_distributed_dataparallel_enabled: 'true',
        sagemaker_instance_type: '"ml.p4d.24xlarge"',
        sagemaker_distributed_dataparallel_custom_mpi_options: '"-x NCCL_DEBUG=INFO"',
        sagemaker_torch_distributed_enabled: 'true',
      },
    ],
    [{ mpi: { enabled: true } }, { sagemaker_mpi_enabled: 'true', sagemaker_mpi_custom_mpi_options: '""' }],
    [
      { smdistributed: { dataparallel: { enabled: true } } },
      {
        sagemaker_distributed_dataparallel_enabled: 'true',
        sagemaker_instance_type: '"ml.p4d.24xlarge"',
        sagemaker_distributed_dataparallel_custom_mpi_options: '""',
      },
    ],
    [
      { mpi: { enabled: true, processes_per_host: 8, custom_mpi_options: '-verbose' } },
      { sagemaker_mpi_enabled: 'true', sagemaker_mpi_num_of_processes_per_host: '8', sagemaker_mpi_custom_mpi_options: '"-verbose"' },
    ],
  ])('%j adds the SDK’s hyperparameters', async (distribution, expected) => {
    const step = await pytorchStep({ training_instance_type: 'ml.p4d.24xlarge', distribution });
    const {
      sagemaker_program: _p,
      sagemaker_submit_directory: _s,
      sagemaker_container_log_level: _l,
      sagemaker_region: _r,
      ...rest
    } = step.Arguments.HyperParameters ?? {};
    const added = Object.fromEntries(Object.entries(rest).filter(([name]) => name.startsWith('sagemaker_')));
    expect(added).toEqual(expected);
  });

  it('refuses two strategies at once', () => {
    const [issue] = issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, distribution: { mpi: { enabled: true }, pytorchddp: { enabled: true } } });
    expect(issue?.field).toBe('distribution');
    expect(issue?.message).toBe('enable one distribution strategy, found pytorchddp, mpi');
  });

  it('refuses pytorchddp beside smdistributed, even switched off (the SDK turns pytorchddp into smdistributed.dataparallel)', () => {
    const distribution = { pytorchddp: { enabled: true }, smdistributed: { dataparallel: { enabled: false } } };
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, distribution })).toEqual([
      { field: 'distribution', message: 'pytorchddp is smdistributed.dataparallel: give one of them' },
    ]);
  });
});

describe('job settings (EstimatorBase and session._get_train_request)', () => {
  it('metric definitions go into AlgorithmSpecification', async () => {
    const metrics = [{ Name: 'val:loss', Regex: 'val_loss=([0-9.]+)' }];
    const step = await pytorchStep({ metric_definitions: metrics });
    expect(step.Arguments.AlgorithmSpecification).toMatchObject({ MetricDefinitions: metrics });
  });

  it('managed spot with max wait', async () => {
    const step = await pytorchStep({ use_spot_instances: true, max_wait: 172_800 });
    expect(step.Arguments.EnableManagedSpotTraining).toBe(true);
    expect(step.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 86_400, MaxWaitTimeInSeconds: 172_800 });
    expect((await pytorchStep({})).Arguments.EnableManagedSpotTraining).toBeUndefined();
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, max_wait: 90_000 })).toEqual([
      { field: 'max_wait', message: 'max_wait applies to managed spot training only: set use_spot_instances to true or remove max_wait' },
    ]);
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, use_spot_instances: true, max_wait: 60 })).toEqual([
      { field: 'max_wait', message: 'max_wait (60) must be at least max_runtime_in_seconds (86400)' },
    ]);
  });

  it('VPC, KMS keys, network isolation, inter-container encryption and max retry attempts', async () => {
    const step = await pytorchStep({
      subnets: ['subnet-1'],
      security_group_ids: ['sg-1'],
      output_kms_key: 'arn:aws:kms:us-east-1:123456789012:key/out',
      volume_kms_key: 'arn:aws:kms:us-east-1:123456789012:key/vol',
      encrypt_inter_container_traffic: true,
      max_retry_attempts: 3,
    });
    expect(step.Arguments.VpcConfig).toEqual({ Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] });
    expect(step.Arguments.OutputDataConfig).toEqual({ S3OutputPath: OUTPUT, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/out' });
    expect(step.Arguments.ResourceConfig).toMatchObject({ VolumeKmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/vol' });
    expect(step.Arguments.EnableInterContainerTrafficEncryption).toBe(true);
    expect(step.Arguments.RetryStrategy).toEqual({ MaximumRetryAttempts: 3 });
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, subnets: ['subnet-1'] })).toEqual([
      { field: 'security_group_ids', message: 'a VPC needs both subnets and security_group_ids' },
    ]);
  });

  it('network isolation sends the code as the code channel and points sagemaker_submit_directory at it', async () => {
    const step = await pytorchStep({ enable_network_isolation: true });
    expect(step.Arguments.EnableNetworkIsolation).toBe(true);
    expect(step.Arguments.HyperParameters?.['sagemaker_submit_directory']).toBe('"/opt/ml/input/data/code/sourcedir.tar.gz"');
    expect(step.Arguments.InputDataConfig?.at(-1)).toEqual({
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: pytorchTrainingDefaultConfig.source_dir, S3DataDistributionType: 'FullyReplicated' } },
      ChannelName: 'code',
    });
  });

  it('container log level, also as an integer parameter joined into a string as the SDK’s to_string() does', async () => {
    expect((await pytorchStep({ container_log_level: 10 })).Arguments.HyperParameters?.['sagemaker_container_log_level']).toBe('10');
    expect((await pytorchStep({ container_log_level: { Get: 'Parameters.LogLevel' } })).Arguments.HyperParameters?.['sagemaker_container_log_level']).toEqual({
      'Std:Join': { On: '', Values: [{ Get: 'Parameters.LogLevel' }] },
    });
  });

  it('a custom image URI replaces the framework image', async () => {
    const step = await pytorchStep({ image_uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-pytorch:latest' });
    expect(step.Arguments.AlgorithmSpecification?.TrainingImage).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/my-pytorch:latest');
  });

  it('entry point and source location as parameters stay Gets in the framework hyperparameters (the SDK’s ParameterString entry_point)', async () => {
    const step = await pytorchStep({ training_entry_point: { Get: 'Parameters.EntryPoint' }, source_dir: { Get: 'Parameters.SourceDir' } });
    expect(step.Arguments.HyperParameters).toMatchObject({
      sagemaker_submit_directory: { Get: 'Parameters.SourceDir' },
      sagemaker_program: { Get: 'Parameters.EntryPoint' },
      sagemaker_container_log_level: '20',
    });
  });

  it('TensorBoard output', async () => {
    const step = await pytorchStep({
      tensorboard_output_config: { s3_output_path: 's3://my-bucket/tb', container_local_output_path: '/opt/ml/output/tensorboard' },
    });
    expect(step.Arguments.TensorBoardOutputConfig).toEqual({ LocalPath: '/opt/ml/output/tensorboard', S3OutputPath: 's3://my-bucket/tb' });
  });

  it('environment values may be expressions', async () => {
    const step = await pytorchStep({ env: { RUN_ID: { Get: 'Execution.PipelineExecutionId' } } });
    expect(step.Arguments.Environment).toEqual({ RUN_ID: { Get: 'Execution.PipelineExecutionId' } });
  });
});

describe('debugger and profiler', () => {
  it('the profiler on keeps its S3 output path (the output path unless given) and interval', async () => {
    expect((await pytorchStep({ disable_profiler: false })).Arguments.ProfilerConfig).toEqual({ S3OutputPath: OUTPUT, DisableProfiler: false });
    expect(
      (await pytorchStep({ disable_profiler: false, profiler_s3_output_path: 's3://my-bucket/prof', profiling_interval_millis: 500 })).Arguments.ProfilerConfig,
    ).toEqual({
      S3OutputPath: 's3://my-bucket/prof',
      DisableProfiler: false,
      ProfilingIntervalInMilliseconds: 500,
    });
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, profiling_interval_millis: 500 })).toEqual([
      { field: 'profiling_interval_millis', message: 'profiling_interval_millis needs the profiler on: set disable_profiler to false' },
    ]);
  });

  it('custom debugger rules go into DebugRuleConfigurations beside the hook', async () => {
    const rule = {
      RuleConfigurationName: 'LossNotDecreasing',
      RuleEvaluatorImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/rules:latest',
      RuleParameters: { tensor_regex: '.*loss.*' },
    };
    const step = await pytorchStep({ debugger_rules: [rule] });
    expect(step.Arguments.DebugRuleConfigurations).toEqual([rule]);
    expect(step.Arguments.DebugHookConfig).toEqual({ S3OutputPath: OUTPUT, CollectionConfigurations: [] });
  });

  it('PyTorch turns the debugger hook off when checkpoints sync both ways (Framework._validate_and_set_debugger_configs)', async () => {
    const withCheckpoints = await pytorchStep({
      enable_checkpointing: true,
      checkpoint_s3_uri: 's3://my-bucket/ckpt',
      checkpoint_local_path: '/opt/ml/checkpoints/run',
    });
    expect(withCheckpoints.Arguments.CheckpointConfig).toEqual({ S3Uri: 's3://my-bucket/ckpt', LocalPath: '/opt/ml/checkpoints/run' });
    expect(withCheckpoints.Arguments.Environment).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run' });
    expect(withCheckpoints.Arguments.DebugHookConfig).toBeUndefined();
    expect((await pytorchStep({})).Arguments.DebugHookConfig).toEqual({ S3OutputPath: OUTPUT, CollectionConfigurations: [] });
  });

  it('XGBoost keeps the hook with checkpoints on one instance, turns it off with more', async () => {
    const one = await xgboostStep({ checkpoint_s3_uri: 's3://my-bucket/ckpt', checkpoint_local_path: '/opt/ml/checkpoints' });
    expect(one.Arguments.CheckpointConfig).toEqual({ S3Uri: 's3://my-bucket/ckpt', LocalPath: '/opt/ml/checkpoints' });
    expect(one.Arguments.DebugHookConfig).toBeDefined();
    const two = await xgboostStep({ checkpoint_s3_uri: 's3://my-bucket/ckpt', checkpoint_local_path: '/opt/ml/checkpoints', training_instance_count: 2 });
    expect(two.Arguments.DebugHookConfig).toBeUndefined();
    expect((await xgboostStep({})).Arguments.CheckpointConfig).toBeUndefined();
  });
});

describe('the step (TrainingStep)', () => {
  it('step name, display name, description, DependsOn and retry policies', async () => {
    const step = await pytorchStep({
      step_name: 'TrainModel',
      step_display_name: 'Train the model',
      step_description: 'PyTorch training',
      depends_on: ['Baseline'],
      retry_policies: [
        { exception_types: ['SageMaker.JOB_INTERNAL_ERROR', 'SageMaker.CAPACITY_ERROR'], max_attempts: 3 },
        { exception_types: ['Step.THROTTLING'], interval_seconds: 5, backoff_rate: 1.5, expire_after_mins: 60 },
      ],
    });
    expect(step).toMatchObject({ Name: 'TrainModel', DisplayName: 'Train the model', Description: 'PyTorch training', DependsOn: ['Baseline'] });
    expect(step.RetryPolicies).toEqual([
      { ExceptionType: ['SageMaker.JOB_INTERNAL_ERROR', 'SageMaker.CAPACITY_ERROR'], IntervalSeconds: 1, BackoffRate: 2.0, MaxAttempts: 3 },
      { ExceptionType: ['Step.THROTTLING'], IntervalSeconds: 5, BackoffRate: 1.5, ExpireAfterMin: 60 },
    ]);
  });

  it('a retry policy needs exactly one limit and one family of exceptions', () => {
    expect(issuesOf(pytorchTraining, { ...pytorchTrainingDefaultConfig, retry_policies: [{ exception_types: ['Step.THROTTLING'] }] })).toEqual([
      { field: 'retry_policies.0.max_attempts', message: 'give exactly one of max_attempts and expire_after_mins' },
    ]);
    expect(
      issuesOf(pytorchTraining, {
        ...pytorchTrainingDefaultConfig,
        retry_policies: [{ exception_types: ['Step.THROTTLING', 'SageMaker.RESOURCE_LIMIT'], max_attempts: 2 }],
      })[0]?.field,
    ).toBe('retry_policies.0.exception_types');
  });

  it('no CacheConfig when caching is off, as the SDK without a cache_config', async () => {
    expect((await pytorchStep({ enable_caching: false })).CacheConfig).toBeUndefined();
    expect((await pytorchStep({ cache_expire_after: 'PT1H' })).CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'PT1H' });
  });
});

describe('XGBoost built-in algorithm mode', () => {
  it('runs no script: no entry point, no sagemaker_* hyperparameters, the model’s as str()', async () => {
    const { training_entry_point: _e, source_dir: _s, ...rest } = xgboostTrainingDefaultConfig;
    const config = parseBuilderConfig(xgboostTraining, {
      ...rest,
      algorithm_mode: 'builtin',
      hyperparameters: { objective: 'binary:logistic', num_round: 10, eta: 0.1, verbosity: true },
    });
    const step = await new XGBoostTrainingStepBuilder(config).createStep({ inputs: { input_path: INPUT } });
    expect(step.Arguments.HyperParameters).toEqual({ objective: 'binary:logistic', num_round: '10', eta: '0.1', verbosity: 'True' });
    expect(step.Arguments.InputDataConfig?.map((c) => c.ChannelName)).toEqual(['train', 'validation']);
  });

  it('refuses script settings in built-in mode, and needs them in framework mode', () => {
    expect(issuesOf(xgboostTraining, { ...xgboostTrainingDefaultConfig, algorithm_mode: 'builtin' }).map((i) => i.field)).toEqual([
      'training_entry_point',
      'source_dir',
    ]);
    expect(
      issuesOf(xgboostTraining, {
        ...xgboostTrainingDefaultConfig,
        hyperparameters: { ...xgboostTrainingDefaultConfig.hyperparameters, eta: { Get: 'Parameters.Eta' } },
      }),
    ).toEqual([
      {
        field: 'hyperparameters.eta',
        message: expect.stringMatching(/^framework mode writes hyperparameters to hyperparameters.json when the pipeline is defined/),
      },
    ]);
  });
});

describe('two steps of one XGBoost builder in a pipeline', () => {
  it('write their hyperparameters.json to different places', async () => {
    const store = new InMemoryArtifactStore();
    for (const jobType of ['training', 'calibration']) {
      const config = parseBuilderConfig(xgboostTraining, { ...xgboostTrainingDefaultConfig, job_type: jobType });
      await new XGBoostTrainingStepBuilder(config, { artifactStore: store }).createStep({ inputs: { input_path: INPUT } });
    }
    const uris = store.artifacts.map((a) => a.s3Uri);
    expect(uris).toEqual([
      's3://stepscore-example-bucket/MODS/stepscore-risk-xgboost-NA_1.0.0/training_config/XGBoostTraining-Training/hyperparameters.json',
      's3://stepscore-example-bucket/MODS/stepscore-risk-xgboost-NA_1.0.0/training_config/XGBoostTraining-Calibration/hyperparameters.json',
    ]);
  });
});
