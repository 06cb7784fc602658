import { describe, expect, it } from 'vitest';
import * as sagemaker from '../src/index.js';

describe('@stepscore/sagemaker', () => {
  it('exports the public API', () => {
    expect(Object.keys(sagemaker).sort()).toStrictEqual([
      'PYTORCH_DISTRIBUTION',
      'PYTORCH_ESTIMATOR_DEFAULTS',
      'PythonFloat',
      'SERVICE_LIMITS',
      'STEP_TYPES',
      'STEP_TYPE_ADAPTERS',
      'STEP_TYPE_NAMES',
      'TENSORFLOW_ESTIMATOR_DEFAULTS',
      'TRAINING_CHANNEL_ROOT',
      'TRAINING_DEFAULT_CHECKPOINT_DIR',
      'TRAINING_MAX_RUNTIME_SECONDS',
      'TRAINING_MODEL_DIR',
      'TRAINING_OUTPUT_DATA_DIR',
      'TRANSFORM_MAX_PAYLOAD_MB',
      'XGBOOST_ALGORITHM',
      'adapterFor',
      'compareVersions',
      'createModelAdapter',
      'distributionHyperparameterNames',
      'distributionMembers',
      'distributionTableFor',
      'documentedAlgorithmFor',
      'encodeBuiltInHyperparameters',
      'encodeHyperparameters',
      'frameworkEstimatorDefaultsFor',
      'frameworkHyperparameters',
      'imageRepositoriesOf',
      'imageRepository',
      'imageTagVersion',
      'isPipelineExpression',
      'isStepTypeName',
      'knownImageVersions',
      'knownTrainingVersions',
      'listResponseMembers',
      'modelContainer',
      'numericValue',
      'pipelineParametersOf',
      'pipelineVariableToString',
      'processingAdapter',
      'processingInstanceTypes',
      'processorForInstanceType',
      'pythonFloatRepr',
      'pythonFloatText',
      'pythonJsonDumps',
      'pythonStr',
      'resolvePropertyPath',
      'retrieveImageUri',
      'retrieveTrainingImageUri',
      'sagemakerSdk',
      'sdkDistributionHyperparameters',
      'serviceInstanceTypes',
      'serviceLimitViolations',
      'stepTypeVocabulary',
      'trainingAdapter',
      'trainingInstanceTypes',
      'transformAdapter',
      'transformInstanceTypes',
      'validateCreateRequest',
      'validateCreateTrainingJobRequest',
      'validateStepArguments',
      'validateStepName',
      'validateTrainingStepArguments',
      'valuesInside',
      'valuesOutside',
      'versionAtLeast',
    ]);
  });

  it('wires the pieces together: an SDK-shaped step with an image URI and encoded hyperparameters validates', () => {
    const args = {
      AlgorithmSpecification: {
        TrainingInputMode: 'File',
        TrainingImage: sagemaker.retrieveTrainingImageUri({
          framework: 'pytorch',
          version: '2.1.0',
          pyVersion: 'py310',
          instanceType: 'ml.g5.xlarge',
          region: 'eu-west-1',
        }),
      },
      OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      HyperParameters: {
        ...sagemaker.encodeHyperparameters({ epochs: { Get: 'Parameters.Epochs' }, lr: 3e-4 }),
        ...sagemaker.frameworkHyperparameters({ entryPoint: 'train.py', submitDirectory: 's3://bucket/src.tar.gz', region: 'eu-west-1' }),
      },
    };
    expect(args.AlgorithmSpecification.TrainingImage).toBe('763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310');
    expect(args.HyperParameters['lr']).toBe('0.0003');
    expect(sagemaker.validateTrainingStepArguments(args)).toStrictEqual([]);
  });

  it('wires the step types together: each vocabulary entry has its adapter, validator and response shape', () => {
    for (const stepType of sagemaker.STEP_TYPE_NAMES) {
      const { pipelineType, responseShape } = sagemaker.STEP_TYPES[stepType];
      expect(sagemaker.adapterFor(pipelineType)?.vocabulary.stepType).toBe(stepType);
      expect(sagemaker.listResponseMembers(responseShape).length).toBeGreaterThan(5);
      expect(sagemaker.validateStepArguments(stepType, {}).some((violation) => violation.rule === 'required')).toBe(stepType !== 'CreateModel');
    }
    expect(sagemaker.validateStepArguments('CreateModel', {})).toStrictEqual([]);
  });
});
