import { PythonFloat } from '@stepscore/sagemaker';
import { parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import {
  booleanArgument,
  estimatorArguments,
  FRAMEWORK_HYPERPARAMETER_NAMES,
  integerArgument,
  loadSdkCase,
  parseEachJson,
  regionCode,
  sdkBucket,
  sdkRole,
  sdkStep,
  splitHyperparameters,
  stringArgument,
  trainingStepOptions,
} from '../test-fixtures/sdk-case.js';
import { pytorchTraining, PyTorchTrainingStepBuilder } from './index.js';

// sdk_pytorch_basic.json: the SageMaker Python SDK v2.257.6 run on these inputs; we build the same
// settings through our config and compare every part of the step that the builder controls.
const sdkCase = loadSdkCase('sdk_pytorch_basic.json');
const sdk = sdkStep(sdkCase, 'TrainPyTorch');

/** The estimator's hyperparameters, transcribed from `_meta.inputs`. */
const USER_HYPERPARAMETERS = {
  epochs: 10,
  lr: 0.001,
  'batch-size': 64,
  optimizer: 'adam',
  'use-amp': true,
  layers: [64, 32],
  weight_decay: 1e-5,
  dropout: 0.5,
  momentum: new PythonFloat(1), // `momentum=1.0` in Python: a float, as a config file's 1.0 reads
  cfg: { a: 1, b: 'x' },
};

const options = trainingStepOptions(sdkCase);
const config = parseBuilderConfig(pytorchTraining, {
  author: 'sdk',
  bucket: sdkBucket(sdkCase),
  role: sdkRole(sdkCase),
  region: regionCode(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  model_class: 'pytorch',
  training_entry_point: stringArgument(sdkCase, 'entry_point'),
  source_dir: stringArgument(sdkCase, 'source_dir'),
  framework_version: stringArgument(sdkCase, 'framework_version'),
  py_version: stringArgument(sdkCase, 'py_version'),
  training_instance_type: stringArgument(sdkCase, 'instance_type'),
  training_instance_count: integerArgument(sdkCase, 'instance_count'),
  output_path: stringArgument(sdkCase, 'output_path'),
  disable_profiler: booleanArgument(sdkCase, 'disable_profiler', false),
  debugger_hook_config: booleanArgument(sdkCase, 'debugger_hook_config', true),
  enable_caching: options.cache?.enabled,
  cache_expire_after: options.cache?.expireAfter,
  hyperparameters: USER_HYPERPARAMETERS,
});

const INPUT_PATH = 's3://my-bucket/data';
const ours = await new PyTorchTrainingStepBuilder(config).createStep({ inputs: { input_path: INPUT_PATH }, dependsOn: options.dependsOn });

describe('PyTorch training reproduces the SDK step (sdk_pytorch_basic.json)', () => {
  it('builds its config from the inputs the SDK was given', () => {
    expect(config).toMatchObject({
      region: 'FE',
      aws_region: 'us-west-2',
      bucket: 'my-bucket',
      role: 'arn:aws:iam::123456789012:role/SageMakerRole',
      training_entry_point: 'train.py',
      source_dir: 's3://my-bucket/code/sourcedir.tar.gz',
      framework_version: '1.13.1',
      py_version: 'py39',
      training_instance_type: 'ml.m5.xlarge',
      training_instance_count: 1,
      output_path: 's3://my-bucket/output',
      disable_profiler: true,
      debugger_hook_config: false,
      enable_caching: true,
      cache_expire_after: 'P30D',
    });
    expect(options.dependsOn).toEqual(['TrainBaseline']);
    for (const name of Object.keys(USER_HYPERPARAMETERS)) expect(estimatorArguments(sdkCase)).toContain(`${name}:`);
  });

  it('uses the same training image and input mode', () => {
    expect(ours.Arguments.AlgorithmSpecification?.TrainingImage).toBe(sdk.Arguments.AlgorithmSpecification['TrainingImage']);
    expect(ours.Arguments.AlgorithmSpecification?.TrainingInputMode).toBe(sdk.Arguments.AlgorithmSpecification['TrainingInputMode']);
  });

  it('turns on SageMaker metrics time series like the SDK', () => {
    expect(sdk.Arguments.AlgorithmSpecification['EnableSageMakerMetricsTimeSeries']).toBe(true);
    expect(ours.Arguments.AlgorithmSpecification?.EnableSageMakerMetricsTimeSeries).toBe(true);
  });

  it('sets the four framework hyperparameters exactly', () => {
    const { framework: sdkFramework } = splitHyperparameters(sdk.Arguments.HyperParameters ?? {});
    const { framework: ourFramework } = splitHyperparameters(ours.Arguments.HyperParameters ?? {});
    expect(Object.keys(sdkFramework).sort()).toEqual([...FRAMEWORK_HYPERPARAMETER_NAMES].sort());
    expect(ourFramework).toEqual(sdkFramework);
  });

  it('encodes every user hyperparameter to the same JSON', () => {
    const { user: sdkUser } = splitHyperparameters(sdk.Arguments.HyperParameters ?? {});
    const { user: ourUser } = splitHyperparameters(ours.Arguments.HyperParameters ?? {});
    expect(Object.keys(ourUser).sort()).toEqual(Object.keys(sdkUser).sort());
    expect(parseEachJson(ourUser)).toEqual(parseEachJson(sdkUser));
  });

  it('writes each user hyperparameter as the very same string, the float 1.0 included', () => {
    const { user: sdkUser } = splitHyperparameters(sdk.Arguments.HyperParameters ?? {});
    const { user: ourUser } = splitHyperparameters(ours.Arguments.HyperParameters ?? {});
    expect(ourUser).toEqual(sdkUser);
    expect(ourUser['momentum']).toBe('1.0');
  });

  it('asks for the same resources and stopping condition', () => {
    expect(ours.Arguments.ResourceConfig).toEqual(sdk.Arguments['ResourceConfig']);
    expect(ours.Arguments.StoppingCondition).toEqual(sdk.Arguments['StoppingCondition']);
    expect(ours.Arguments.RoleArn).toBe(sdk.Arguments['RoleArn']);
  });

  it('writes to the same output path', () => {
    expect(ours.Arguments.OutputDataConfig).toEqual(sdk.Arguments['OutputDataConfig']);
  });

  it('has the same debugger and profiler settings', () => {
    expect(sdk.Arguments['DebugHookConfig']).toBeUndefined();
    expect(ours.Arguments.DebugHookConfig).toBeUndefined();
    expect(ours.Arguments.ProfilerConfig).toEqual(sdk.Arguments['ProfilerConfig']);
  });

  it('has the same cache config and DependsOn', () => {
    expect(ours.CacheConfig).toEqual(sdk.CacheConfig);
    expect(ours.DependsOn).toEqual(sdk.DependsOn);
  });

  it('emits every request member the SDK does, and only the by-design extras besides', () => {
    const sdkKeys = Object.keys(sdk.Arguments);
    const ourKeys = Object.keys(ours.Arguments);
    expect(sdkKeys.filter((k) => !ourKeys.includes(k))).toEqual([]);
    expect(ourKeys.filter((k) => !sdkKeys.includes(k)).sort()).toEqual(['CheckpointConfig', 'Environment']);
  });

  describe('where our contract differs by design', () => {
    it('feeds one data channel from input_path instead of the SDK call’s train/test channels', () => {
      expect(sdk.Arguments.InputDataConfig.map((c) => c.ChannelName)).toEqual(['train', 'test']);
      expect(ours.Arguments.InputDataConfig).toEqual([
        {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: INPUT_PATH, S3DataDistributionType: 'FullyReplicated' } },
          ChannelName: 'data',
        },
      ]);
      for (const channel of sdk.Arguments.InputDataConfig) {
        expect(channel.DataSource.S3DataSource['S3Uri']).toMatch(new RegExp(`^${INPUT_PATH}/`));
        expect(channel.DataSource.S3DataSource).toMatchObject({ S3DataType: 'S3Prefix', S3DataDistributionType: 'FullyReplicated' });
      }
    });

    it('sets SM_CHECKPOINT_DIR from the contract and a per-execution CheckpointConfig below the output path', () => {
      expect(ours.Arguments.Environment).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
      expect(ours.Arguments.CheckpointConfig).toEqual({
        S3Uri: { 'Std:Join': { On: '/', Values: ['s3://my-bucket/output', 'checkpoints', { Get: 'Execution.PipelineExecutionId' }] } },
        LocalPath: '/opt/ml/checkpoints',
      });
    });
  });
});
