import { InMemoryArtifactStore, parseBuilderConfig } from '@stepscore/step-builder';
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
import { xgboostTraining, XGBoostTrainingStepBuilder } from './index.js';

// sdk_xgboost_framework.json: the SageMaker Python SDK v2.257.6 run on these inputs; we build the same
// settings through our config and compare every part of the step that the builder controls. By our
// contract the model's hyperparameters travel in hyperparameters.json through the config channel.
const sdkCase = loadSdkCase('sdk_xgboost_framework.json');
const sdk = sdkStep(sdkCase, 'TrainXGBScript');

/** The estimator's hyperparameters, transcribed from `_meta.inputs`. */
const USER_HYPERPARAMETERS = { max_depth: 5, eta: 0.2, objective: 'binary:logistic', num_round: 100 };

/** What our schema adds for the settings the SDK call left to XGBoost's own defaults. */
const SCHEMA_DEFAULTS = { min_child_weight: 1, gamma: 0, subsample: 1, colsample_bytree: 1, booster: 'gbtree', tree_method: 'auto' };

const options = trainingStepOptions(sdkCase);
const config = parseBuilderConfig(xgboostTraining, {
  author: 'sdk',
  bucket: sdkBucket(sdkCase),
  role: sdkRole(sdkCase),
  region: regionCode(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  training_entry_point: stringArgument(sdkCase, 'entry_point'),
  source_dir: stringArgument(sdkCase, 'source_dir'),
  framework_version: stringArgument(sdkCase, 'framework_version'),
  py_version: stringArgument(sdkCase, 'py_version'),
  training_instance_type: stringArgument(sdkCase, 'instance_type'),
  training_instance_count: integerArgument(sdkCase, 'instance_count'),
  output_path: stringArgument(sdkCase, 'output_path'),
  disable_profiler: booleanArgument(sdkCase, 'disable_profiler', false),
  debugger_hook_config: booleanArgument(sdkCase, 'debugger_hook_config', true),
  enable_caching: options.cache?.enabled ?? false,
  input_content_type: 'text/csv',
  cache_expire_after: 'P30D',
  hyperparameters: USER_HYPERPARAMETERS,
});

const INPUT_PATH = 's3://my-bucket/xgb';
const store = new InMemoryArtifactStore();
const ours = await new XGBoostTrainingStepBuilder(config, { artifactStore: store }).createStep({
  inputs: { input_path: INPUT_PATH },
  dependsOn: options.dependsOn,
});
const hyperparametersUri = 's3://my-bucket/MODS/sdk-sdkcase-xgboost-FE_1.0.0/training_config/XGBoostTraining/hyperparameters.json';

describe('XGBoost training reproduces the SDK step (sdk_xgboost_framework.json)', () => {
  it('builds its config from the inputs the SDK was given', () => {
    expect(config).toMatchObject({
      region: 'FE',
      aws_region: 'us-west-2',
      bucket: 'my-bucket',
      role: 'arn:aws:iam::123456789012:role/SageMakerRole',
      training_entry_point: 'xgb_train.py',
      source_dir: 's3://my-bucket/code/xgb.tar.gz',
      framework_version: '1.7-1',
      py_version: 'py3',
      training_instance_type: 'ml.m5.2xlarge',
      training_instance_count: 1,
      output_path: 's3://my-bucket/xgb-output',
      disable_profiler: true,
      debugger_hook_config: true,
    });
    expect(options).toEqual({ dependsOn: [] });
    for (const name of Object.keys(USER_HYPERPARAMETERS)) expect(estimatorArguments(sdkCase)).toContain(`${name}:`);
  });

  it('uses the same training image and input mode, without metrics time series', () => {
    expect(ours.Arguments.AlgorithmSpecification).toEqual(sdk.Arguments.AlgorithmSpecification);
  });

  it('carries exactly the four framework hyperparameters, equal to the SDK’s', () => {
    const { framework: sdkFramework } = splitHyperparameters(sdk.Arguments.HyperParameters ?? {});
    expect(Object.keys(sdkFramework).sort()).toEqual([...FRAMEWORK_HYPERPARAMETER_NAMES].sort());
    expect(ours.Arguments.HyperParameters).toEqual(sdkFramework);
  });

  it('writes the user hyperparameters to hyperparameters.json with the values the SDK encoded', () => {
    const { user: sdkUser } = splitHyperparameters(sdk.Arguments.HyperParameters ?? {});
    expect(store.artifacts.map((a) => a.s3Uri)).toEqual([hyperparametersUri]);
    const file = JSON.parse(store.artifacts[0]?.body ?? '{}') as Record<string, unknown>;
    expect(file).toEqual({ ...parseEachJson(sdkUser), ...SCHEMA_DEFAULTS });
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
    expect(ours.Arguments.DebugHookConfig).toEqual(sdk.Arguments['DebugHookConfig']);
    expect(ours.Arguments.ProfilerConfig).toEqual(sdk.Arguments['ProfilerConfig']);
  });

  it('has no CacheConfig when caching is off, like the SDK step made without one', () => {
    expect(sdk.CacheConfig).toBeUndefined();
    expect(ours.CacheConfig).toBeUndefined();
  });

  it('has no DependsOn, like the SDK step', () => {
    expect(sdk.DependsOn).toBeUndefined();
    expect(ours.DependsOn).toBeUndefined();
  });

  it('emits exactly the request members the SDK does', () => {
    expect(Object.keys(ours.Arguments).sort()).toEqual(Object.keys(sdk.Arguments).sort());
  });

  describe('where our builder differs by design', () => {
    it('splits input_path into train/val/test and adds the config channel, instead of the SDK call’s train/validation', () => {
      expect(sdk.Arguments.InputDataConfig.map((c) => c.ChannelName)).toEqual(['train', 'validation']);
      expect(ours.Arguments.InputDataConfig?.map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri])).toEqual([
        ['train', 's3://my-bucket/xgb/train/'],
        ['val', 's3://my-bucket/xgb/val/'],
        ['test', 's3://my-bucket/xgb/test/'],
        ['config', hyperparametersUri],
      ]);
      for (const channel of ours.Arguments.InputDataConfig ?? []) {
        expect(channel.DataSource?.S3DataSource).toMatchObject({ S3DataType: 'S3Prefix', S3DataDistributionType: 'FullyReplicated' });
        expect(channel.ContentType).toBe(channel.ChannelName === 'config' ? undefined : sdk.Arguments.InputDataConfig[0]?.ContentType);
      }
      expect(ours.Arguments.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toBe(
        `${sdk.Arguments.InputDataConfig[0]?.DataSource.S3DataSource['S3Uri']}/`,
      );
    });

    it('has no Environment: the XGBoost contract declares no variables', () => {
      expect(sdk.Arguments['Environment']).toBeUndefined();
      expect(ours.Arguments.Environment).toBeUndefined();
    });
  });
});
