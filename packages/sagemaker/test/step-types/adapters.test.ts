import { describe, expect, it } from 'vitest';
import { STEP_TYPE_ADAPTERS, adapterFor } from '../../src/step-types/adapters.js';
import { createModelAdapter } from '../../src/step-types/create-model-adapter.js';
import { processingAdapter } from '../../src/step-types/processing-adapter.js';
import { trainingAdapter } from '../../src/step-types/training-adapter.js';
import { transformAdapter } from '../../src/step-types/transform-adapter.js';
import { STEP_TYPE_NAMES, STEP_TYPES, stepTypeVocabulary } from '../../src/step-types/vocabulary.js';
import { sdkArguments, sdkSteps } from '../sdk-steps.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

describe('adapterFor', () => {
  it('finds each adapter by registration type and by pipeline Type', () => {
    for (const stepType of STEP_TYPE_NAMES) {
      expect(adapterFor(stepType)).toBe(STEP_TYPE_ADAPTERS[stepType]);
      expect(adapterFor(STEP_TYPES[stepType].pipelineType)).toBe(STEP_TYPE_ADAPTERS[stepType]);
      expect(adapterFor(stepType)?.vocabulary).toBe(STEP_TYPES[stepType]);
    }
    expect(adapterFor('Model')).toBe(createModelAdapter);
    expect(adapterFor('Transform').modelName({ ModelName: 'm' })).toBe('m');
  });

  it('has none for other step types', () => {
    for (const type of ['Tuning', 'RegisterModel', 'Condition', 'training', '']) expect(adapterFor(type)).toBeUndefined();
  });
});

describe('every adapter on anything', () => {
  const oddArguments = [undefined, null, 0, 'args', [], {}, { InputDataConfig: 'x', ProcessingInputs: [null, 5], PrimaryContainer: [] }];
  it.each(STEP_TYPE_NAMES)('%s reads odd Arguments without throwing and finds nothing', (stepType) => {
    const adapter = STEP_TYPE_ADAPTERS[stepType];
    for (const args of oddArguments) {
      expect(() => adapter.inputs(args)).not.toThrow();
      expect(adapter.outputs(args)).toStrictEqual([]);
      expect(adapter.image(args)).toBeUndefined();
      expect(adapter.environment(args)).toStrictEqual({});
      expect(adapter.jobArguments(args)).toStrictEqual([]);
      expect(adapter.entrypoint(args)).toBeUndefined();
      expect(adapter.roleArn(args)).toBeUndefined();
      const resources = adapter.resources(args);
      if (resources !== undefined)
        expect([resources.instanceType, resources.instanceCount, resources.volumeSizeInGB]).toStrictEqual([undefined, undefined, undefined]);
    }
  });

  it.each(sdkSteps())('%s: its adapter finds an image or model, a source for every input and a destination for every output', (_, step) => {
    const adapter = adapterFor(step.Type);
    if (adapter === undefined) throw new Error(`no adapter for ${step.Type}`);
    expect(adapter.vocabulary).toBe(stepTypeVocabulary(step.Type));
    for (const input of adapter.inputs(step.Arguments)) expect(input.source, input.requestPath).toBeDefined();
    for (const output of adapter.outputs(step.Arguments)) expect(output.destination, output.requestPath).toBeDefined();
    if (adapter === transformAdapter) expect(transformAdapter.modelName(step.Arguments)).toBeDefined();
    else expect(adapter.image(step.Arguments)).toMatch(/\.dkr\.ecr\.us-west-2\.amazonaws\.com\//);
  });
});

describe('trainingAdapter', () => {
  const args = sdkArguments('sdk_pytorch_basic.json', 'TrainPyTorch');

  it('reads the channels as inputs under /opt/ml/input/data', () => {
    expect(trainingAdapter.inputs(args)).toStrictEqual([
      { name: 'train', source: 's3://my-bucket/data/train', containerPath: '/opt/ml/input/data/train', requestPath: 'InputDataConfig[0]' },
      { name: 'test', source: 's3://my-bucket/data/test', containerPath: '/opt/ml/input/data/test', requestPath: 'InputDataConfig[1]' },
    ]);
  });

  it('reads a channel fed by an upstream step as that expression', () => {
    const repack = sdkArguments('sdk_model_pytorch.json', 'CreatePyTorchModel-RepackModel-0');
    expect(trainingAdapter.inputs(repack)).toStrictEqual([
      {
        name: 'training',
        source: { Get: 'Steps.TrainPyTorch.ModelArtifacts.S3ModelArtifacts' },
        containerPath: '/opt/ml/input/data/training',
        requestPath: 'InputDataConfig[0]',
      },
    ]);
  });

  it('writes the model and output data to OutputDataConfig, and checkpoints when configured', () => {
    expect(trainingAdapter.outputs(args)).toStrictEqual([
      { name: 'ModelArtifacts', containerPath: '/opt/ml/model', destination: 's3://my-bucket/output', requestPath: 'OutputDataConfig' },
      { name: 'OutputData', containerPath: '/opt/ml/output/data', destination: 's3://my-bucket/output', requestPath: 'OutputDataConfig' },
    ]);
    const withCheckpoints = { ...args, CheckpointConfig: { S3Uri: 's3://my-bucket/ckpt' } };
    expect(trainingAdapter.outputs(withCheckpoints)[2]).toStrictEqual({
      name: 'CheckpointConfig',
      containerPath: '/opt/ml/checkpoints',
      destination: 's3://my-bucket/ckpt',
      requestPath: 'CheckpointConfig',
    });
    const elsewhere = { ...args, CheckpointConfig: { S3Uri: { Get: 'Parameters.Ckpt' }, LocalPath: '/opt/ml/ckpt' } };
    expect(trainingAdapter.outputs(elsewhere)[2]).toMatchObject({ containerPath: '/opt/ml/ckpt', destination: { Get: 'Parameters.Ckpt' } });
  });

  it('reads resources, image, role, environment and entrypoint', () => {
    expect(trainingAdapter.resources(args)).toStrictEqual({
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeInGB: 30,
      requestPath: 'ResourceConfig',
    });
    expect(trainingAdapter.image(args)).toBe('763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:1.13.1-cpu-py39');
    expect(trainingAdapter.roleArn(args)).toBe(ROLE);
    expect(trainingAdapter.environment(args)).toStrictEqual({});
    expect(trainingAdapter.entrypoint(args)).toBeUndefined();
    const custom = {
      ...args,
      Environment: { SM_LOG: '1', FROM_PARAM: { Get: 'Parameters.Level' } },
      AlgorithmSpecification: { ...args['AlgorithmSpecification'], ContainerEntrypoint: ['python', 'train.py'] },
    };
    expect(trainingAdapter.environment(custom)).toStrictEqual({ SM_LOG: '1', FROM_PARAM: { Get: 'Parameters.Level' } });
    expect(trainingAdapter.entrypoint(custom)).toStrictEqual(['python', 'train.py']);
  });

  it('passes the hyperparameters as --name value pairs, values as emitted', () => {
    const jobArguments = trainingAdapter.jobArguments(args);
    expect(jobArguments).toHaveLength(2 * Object.keys(args['HyperParameters']).length);
    expect(jobArguments.slice(0, 4)).toStrictEqual(['--epochs', '10', '--lr', '0.001']);
    const at = jobArguments.indexOf('--optimizer');
    expect(jobArguments[at + 1]).toBe('"adam"');
    const repack = sdkArguments('sdk_model_pytorch.json', 'CreatePyTorchModel-RepackModel-0');
    const repackArguments = trainingAdapter.jobArguments(repack);
    expect(repackArguments[repackArguments.indexOf('--model_archive') + 1]).toStrictEqual(repack['HyperParameters']['model_archive']);
  });
});

describe('processingAdapter', () => {
  const args = sdkArguments('sdk_processing_sklearn_tabular.json', 'TabularPreprocessing-Training');
  const evaluation = sdkArguments('sdk_processing_framework_xgboost_eval.json', 'XGBoostModelEval');

  it('reads ProcessingInputs by InputName with their S3 source and LocalPath', () => {
    expect(processingAdapter.inputs(args)).toStrictEqual([
      { name: 'DATA', source: 's3://my-bucket/raw/data', containerPath: '/opt/ml/processing/input/data', requestPath: 'ProcessingInputs[0]' },
      {
        name: 'code',
        source: 's3://my-bucket/code/tabular_preprocess.py',
        containerPath: '/opt/ml/processing/input/code',
        requestPath: 'ProcessingInputs[1]',
      },
    ]);
    expect(processingAdapter.inputs(evaluation).map((input) => [input.name, input.source])).toStrictEqual([
      ['model_input', { Get: 'Steps.XGBoostTraining.ModelArtifacts.S3ModelArtifacts' }],
      ['eval_data', { Get: 'Parameters.EvaluationData' }],
      ['code', 's3://my-bucket/code/eval/sourcedir.tar.gz'],
      ['entrypoint', evaluation['ProcessingInputs'][3].S3Input.S3Uri],
    ]);
  });

  it('reads a dataset input with its LocalPath and no S3 source', () => {
    const dataset = {
      ProcessingInputs: [{ InputName: 'athena', DatasetDefinition: { LocalPath: '/opt/ml/processing/input/athena', AthenaDatasetDefinition: {} } }],
    };
    expect(processingAdapter.inputs(dataset)).toStrictEqual([
      { name: 'athena', source: undefined, containerPath: '/opt/ml/processing/input/athena', requestPath: 'ProcessingInputs[0]' },
    ]);
  });

  it('reads ProcessingOutputConfig.Outputs by OutputName', () => {
    expect(processingAdapter.outputs(args)).toStrictEqual([
      {
        name: 'processed_data',
        containerPath: '/opt/ml/processing/output',
        destination: 's3://my-bucket/processed',
        requestPath: 'ProcessingOutputConfig.Outputs[0]',
      },
    ]);
    const [, metrics] = processingAdapter.outputs(evaluation);
    expect(metrics?.name).toBe('metrics_output');
    expect(metrics?.destination).toStrictEqual(evaluation['ProcessingOutputConfig'].Outputs[1].S3Output.S3Uri);
    expect(metrics?.destination).toHaveProperty('Std:Join');
  });

  it('reads the cluster, image, arguments, entrypoint, environment and role', () => {
    expect(processingAdapter.resources(args)).toStrictEqual({
      instanceType: 'ml.m5.2xlarge',
      instanceCount: 1,
      volumeSizeInGB: 30,
      requestPath: 'ProcessingResources.ClusterConfig',
    });
    expect(processingAdapter.image(args)).toBe('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3');
    expect(processingAdapter.jobArguments(args)).toStrictEqual(['--job_type', 'training']);
    expect(processingAdapter.entrypoint(args)).toStrictEqual(['python3', '/opt/ml/processing/input/code/tabular_preprocess.py']);
    expect(processingAdapter.entrypoint(evaluation)).toStrictEqual(['/bin/bash', '/opt/ml/processing/input/entrypoint/runproc.sh']);
    expect(processingAdapter.environment(args)).toStrictEqual({ LABEL_FIELD: 'label', TRAIN_RATIO: '0.7' });
    expect(processingAdapter.roleArn(args)).toBe(ROLE);
  });
});

describe('transformAdapter', () => {
  const args = sdkArguments('sdk_transform_batch.json', 'BatchTransform');

  it('reads the input data, output path and the model it runs', () => {
    expect(transformAdapter.inputs(args)).toStrictEqual([
      { name: 'TransformInput', source: 's3://my-bucket/batch-in', containerPath: undefined, requestPath: 'TransformInput' },
    ]);
    expect(transformAdapter.outputs(args)).toStrictEqual([
      { name: 'TransformOutput', containerPath: undefined, destination: 's3://my-bucket/batch-out', requestPath: 'TransformOutput' },
    ]);
    expect(transformAdapter.modelName(args)).toStrictEqual({ Get: 'Steps.CreateAbaloneModel-CreateModel.ModelName' });
  });

  it('reads the resources and environment; image, entrypoint and role are the model’s', () => {
    expect(transformAdapter.resources(args)).toStrictEqual({
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeInGB: undefined,
      requestPath: 'TransformResources',
    });
    expect(transformAdapter.environment({ ...args, Environment: { BATCH: '1' } })).toStrictEqual({ BATCH: '1' });
    expect([transformAdapter.image(args), transformAdapter.entrypoint(args), transformAdapter.roleArn(args)]).toStrictEqual([undefined, undefined, undefined]);
    expect(transformAdapter.jobArguments(args)).toStrictEqual([]);
  });
});

describe('createModelAdapter', () => {
  const args = sdkArguments('sdk_model_pytorch.json', 'CreatePyTorchModel-CreateModel');

  it('reads the primary container: model data, image and environment; and the execution role', () => {
    expect(createModelAdapter.inputs(args)).toStrictEqual([
      {
        name: 'ModelDataUrl',
        source: { Get: 'Steps.CreatePyTorchModel-RepackModel-0.ModelArtifacts.S3ModelArtifacts' },
        containerPath: undefined,
        requestPath: 'PrimaryContainer.ModelDataUrl',
      },
    ]);
    expect(createModelAdapter.image(args)).toBe('763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1.0-cpu-py310');
    expect(createModelAdapter.environment(args)).toStrictEqual({
      SAGEMAKER_PROGRAM: 'inference.py',
      SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
      SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
      SAGEMAKER_REGION: 'us-west-2',
    });
    expect(createModelAdapter.roleArn(args)).toBe(ROLE);
  });

  it('runs on no instance and writes nothing', () => {
    expect(createModelAdapter.resources(args)).toBeUndefined();
    expect(createModelAdapter.outputs(args)).toStrictEqual([]);
    expect(createModelAdapter.jobArguments(args)).toStrictEqual([]);
  });

  it('falls back to the first of Containers, and reads ModelDataSource', () => {
    const pipelineModel = {
      ExecutionRoleArn: ROLE,
      Containers: [
        { Image: 'first-image', ModelDataSource: { S3DataSource: { S3Uri: 's3://b/model/', S3DataType: 'S3Prefix', CompressionType: 'None' } } },
        { Image: 'second-image', ModelDataUrl: 's3://b/second.tar.gz' },
      ],
    };
    expect(createModelAdapter.image(pipelineModel)).toBe('first-image');
    expect(createModelAdapter.inputs(pipelineModel)).toStrictEqual([
      { name: 'ModelDataSource', source: 's3://b/model/', containerPath: undefined, requestPath: 'Containers[0].ModelDataSource' },
    ]);
  });
});
