import { InMemoryArtifactStore, parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { pytorchTraining, PyTorchTrainingStepBuilder } from './pytorch-training/index.js';
import { differingPaths, sdkTrainingStep } from './test-fixtures/sdk-case.js';
import { xgboostTraining, XGBoostTrainingStepBuilder } from './xgboost-training/index.js';

// The Training steps inside the SageMaker Python SDK v2.257.6 pipelines of builders/test-fixtures/sdk-generated/
// (sdk_model_pytorch, sdk_processing_framework_xgboost_eval, sdk_transform_batch; sdk_pytorch_basic and
// sdk_xgboost_framework are in each builder's sdk-reproduction.test.ts and below). Each test gives our builder the
// settings of the SDK call (the case's `_meta.inputs`) and requires every field of the step to be equal, except the
// paths listed, each with the reason our builder's contract dictates it.
//
// Not expressible, so not compared: sdk_model_pytorch's 'CreatePyTorchModel-RepackModel-0' is the SKLearn repack
// job a ModelStep adds (an SKLearn framework image running _repack_script_launcher.sh), not a PyTorch or XGBoost
// training job.

const ACCOUNT = {
  author: 'sdk',
  bucket: 'my-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'FE',
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
};

describe('sdk_model_pytorch.json: TrainPyTorch (PyTorch 2.1.0, one train channel, no hyperparameters)', async () => {
  const sdk = sdkTrainingStep('sdk_model_pytorch.json', 'TrainPyTorch');
  const config = parseBuilderConfig(pytorchTraining, {
    ...ACCOUNT,
    model_class: 'pytorch',
    training_entry_point: 'train.py',
    source_dir: 's3://my-bucket/code/sourcedir.tar.gz',
    framework_version: '2.1.0',
    py_version: 'py310',
    training_instance_count: 1,
    training_instance_type: 'ml.m5.xlarge',
    output_path: 's3://my-bucket/pt-output',
    disable_profiler: true,
    enable_checkpointing: false,
    enable_caching: false,
    step_name: 'TrainPyTorch',
    hyperparameters: {},
  });
  const ours = await new PyTorchTrainingStepBuilder(config).createStep({ inputs: { input_path: 's3://my-bucket/data/train' } });

  it('equals the SDK step in every field but the channel name', () => {
    expect(differingPaths(ours, sdk)).toEqual([
      // Our contract reads everything below /opt/ml/input/data/data: the one input is the `data` channel.
      'Arguments.InputDataConfig[0].ChannelName',
    ]);
    expect(ours.Arguments.InputDataConfig?.[0]?.ChannelName).toBe('data');
    expect(sdk.Arguments.InputDataConfig[0]?.ChannelName).toBe('train');
  });
});

describe('sdk_processing_framework_xgboost_eval.json: XGBoostTraining (XGBoost 1.7-1 script mode, CSV train/validation)', async () => {
  const sdk = sdkTrainingStep('sdk_processing_framework_xgboost_eval.json', 'XGBoostTraining');
  const store = new InMemoryArtifactStore();
  const config = parseBuilderConfig(xgboostTraining, {
    ...ACCOUNT,
    model_class: 'xgboost',
    training_entry_point: 'xgb_train.py',
    source_dir: 's3://my-bucket/code/xgb.tar.gz',
    framework_version: '1.7-1',
    py_version: 'py3',
    training_instance_count: 1,
    training_instance_type: 'ml.m5.2xlarge',
    output_path: 's3://my-bucket/xgb-output',
    disable_profiler: true,
    enable_caching: false,
    input_content_type: 'text/csv',
    hyperparameters: { max_depth: 5, eta: 0.2, objective: 'binary:logistic', num_round: 100 },
  });
  const ours = await new XGBoostTrainingStepBuilder(config, { artifactStore: store }).createStep({ inputs: { input_path: 's3://my-bucket/xgb' } });

  it('equals the SDK step in every field but the channel layout and where the model hyperparameters travel', () => {
    expect(differingPaths(ours, sdk)).toEqual([
      // Our contract: train/val/test folders below input_path, plus the config channel with hyperparameters.json.
      'Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri',
      'Arguments.InputDataConfig[1].DataSource.S3DataSource.S3Uri',
      'Arguments.InputDataConfig[1].ChannelName',
      'Arguments.InputDataConfig[2]',
      'Arguments.InputDataConfig[3]',
      // ... so the model's hyperparameters are in hyperparameters.json, not on the step.
      'Arguments.HyperParameters.max_depth',
      'Arguments.HyperParameters.eta',
      'Arguments.HyperParameters.objective',
      'Arguments.HyperParameters.num_round',
    ]);
  });

  it('writes the hyperparameters the SDK put on the step into hyperparameters.json, with the same values', () => {
    const file = JSON.parse(store.artifacts[0]?.body ?? '{}') as Record<string, unknown>;
    for (const name of ['max_depth', 'eta', 'objective', 'num_round']) {
      expect(file[name]).toEqual(JSON.parse(sdk.Arguments.HyperParameters?.[name] ?? 'null'));
    }
  });
});

describe('sdk_transform_batch.json: TrainAbalone (the built-in XGBoost algorithm, image_uri given, no script)', async () => {
  const sdk = sdkTrainingStep('sdk_transform_batch.json', 'TrainAbalone');
  const config = parseBuilderConfig(xgboostTraining, {
    ...ACCOUNT,
    model_class: 'xgboost',
    algorithm_mode: 'builtin',
    framework_version: '1.7-1',
    training_instance_count: 1,
    training_instance_type: 'ml.m5.xlarge',
    output_path: 's3://my-bucket/abalone/model',
    disable_profiler: true,
    enable_caching: false,
    input_content_type: 'text/csv',
    step_name: 'TrainAbalone',
    hyperparameters: { objective: 'reg:linear', num_round: 50 },
  });
  const ours = await new XGBoostTrainingStepBuilder(config).createStep({ inputs: { input_path: 's3://my-bucket/abalone' } });

  it('equals the SDK step in every field but the channel layout', () => {
    expect(differingPaths(ours, sdk)).toEqual([
      // Our contract: the data root holds train/ and val/; the built-in algorithm gets them as train and validation.
      'Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri',
      'Arguments.InputDataConfig[1]',
    ]);
    expect(ours.Arguments.InputDataConfig?.map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri])).toEqual([
      ['train', 's3://my-bucket/abalone/train/'],
      ['validation', 's3://my-bucket/abalone/val/'],
    ]);
  });

  it("sends the hyperparameters as Python's str(), not JSON, with no sagemaker_* ones", () => {
    expect(ours.Arguments.HyperParameters).toEqual({ objective: 'reg:linear', num_round: '50' });
    expect(ours.Arguments.HyperParameters).toEqual(sdk.Arguments.HyperParameters);
  });
});
