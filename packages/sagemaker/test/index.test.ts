import { describe, expect, it } from 'vitest';
import * as sagemaker from '../src/index.js';

describe('@stepscore/sagemaker', () => {
  it('exports the public API', () => {
    expect(Object.keys(sagemaker).sort()).toStrictEqual([
      'PythonFloat',
      'encodeBuiltInHyperparameters',
      'encodeHyperparameters',
      'frameworkHyperparameters',
      'isPipelineExpression',
      'knownTrainingVersions',
      'listResponseMembers',
      'numericValue',
      'pipelineParametersOf',
      'pipelineVariableToString',
      'processorForInstanceType',
      'pythonFloatRepr',
      'pythonFloatText',
      'pythonJsonDumps',
      'pythonStr',
      'resolvePropertyPath',
      'retrieveTrainingImageUri',
      'trainingInstanceTypes',
      'validateCreateTrainingJobRequest',
      'validateStepName',
      'validateTrainingStepArguments',
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
});
