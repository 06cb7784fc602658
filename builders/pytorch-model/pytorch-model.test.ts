import { resolvePropertyPath } from '@stepscore/sagemaker';
import { ConfigValidationError, parseBuilderConfig } from '@stepscore/step-builder';
import { DependencyType, StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { pytorchModel, type PyTorchModelConfig, pytorchModelDefaultConfig, pytorchModelSpec, PyTorchModelStepBuilder } from './index.js';

const MODEL_DATA = { Get: 'Steps.PyTorchTraining.ModelArtifacts.S3ModelArtifacts' };

function config(overrides: Record<string, unknown> = {}): PyTorchModelConfig {
  return parseBuilderConfig(pytorchModel, { ...pytorchModelDefaultConfig, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(pytorchModel, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('PyTorchModel config', () => {
  it('defaults to PyTorch 2.1.0 / py310, inference.py, on ml.m5.large, log level INFO', () => {
    const { framework_version: _f, py_version: _p, inference_entry_point: _e, inference_instance_type: _i, ...minimal } = pytorchModelDefaultConfig;
    expect(parseBuilderConfig(pytorchModel, minimal)).toMatchObject({
      framework_version: '2.1.0',
      py_version: 'py310',
      inference_entry_point: 'inference.py',
      inference_instance_type: 'ml.m5.large',
      container_log_level: 20,
    });
  });

  it('names a Python version that has no image for the framework version', () => {
    expect(issuesOf({ ...pytorchModelDefaultConfig, py_version: 'py38' })).toEqual([
      { field: 'py_version', message: 'PyTorch 2.1.0 has no inference image for py38: use py310' },
    ]);
  });

  it('names an unknown framework version, listing the known ones', () => {
    expect(issuesOf({ ...pytorchModelDefaultConfig, framework_version: '1.12.9' })[0]?.message).toBe(
      'Invalid PyTorch framework version: 1.12.9. Must be one of: 1.12.0, 1.13.1, 2.0.0, 2.1.0, 2.3.0, 2.5.1, 2.6.0',
    );
  });

  it('refuses a log level Python does not have', () => {
    expect(issuesOf({ ...pytorchModelDefaultConfig, container_log_level: 15 })[0]?.field).toBe('container_log_level');
  });
});

describe('PyTorchModel spec', () => {
  const spec = StepSpecification.create(pytorchModelSpec);

  it('has no script contract', () => {
    expect(spec.scriptContract).toBeUndefined();
    expect(pytorchModel.contract).toBeUndefined();
  });

  it('needs the model artefacts and offers the model name at a real DescribeModel property', () => {
    expect(spec.getDependency('model_data')).toMatchObject({ dependencyType: DependencyType.MODEL_ARTIFACTS, required: true });
    const output = spec.getOutput('model_name');
    expect(output).toMatchObject({ outputType: DependencyType.CUSTOM_PROPERTY, propertyPath: 'properties.ModelName', dataType: 'String' });
    expect(resolvePropertyPath(output?.propertyPath ?? '', 'DescribeModelOutput')).toMatchObject({ ok: true, leafType: 'string' });
  });

  it('refuses a contract: a CreateModel step runs no script', () => {
    const contract = { entryPoint: 'inference.py', expectedInputPaths: { model_data: '/opt/ml/model' }, expectedOutputPaths: { model_name: '/opt/ml/model' } };
    expect(() => new PyTorchModelStepBuilder(config(), { spec: { ...pytorchModelSpec, scriptContract: contract } })).toThrow(
      'A CreateModel step runs no script of its own: its specification must have no script contract',
    );
  });
});

describe('the PyTorchModel step', async () => {
  const builder = new PyTorchModelStepBuilder(config());
  const step = await builder.createStep({ inputs: { model_data: MODEL_DATA }, dependsOn: ['PyTorchTraining'] });

  it('is a Model step named <name>-CreateModel, never cached', () => {
    expect(step.Name).toBe('PyTorchModel-CreateModel');
    expect(step.Type).toBe('Model');
    expect(step).not.toHaveProperty('CacheConfig');
    expect(step.DependsOn).toEqual(['PyTorchTraining']);
  });

  it('is a CreateModel request: role, inference image, script-mode environment, the model data', () => {
    expect(step.Arguments).toEqual({
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      PrimaryContainer: {
        Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310',
        Environment: {
          SAGEMAKER_PROGRAM: 'inference.py',
          SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
          SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
          SAGEMAKER_REGION: 'us-east-1',
        },
        ModelDataUrl: MODEL_DATA,
      },
    });
  });

  it('chooses the GPU image for a GPU instance, in the configured region', async () => {
    const gpu = await new PyTorchModelStepBuilder(config({ inference_instance_type: 'ml.g5.xlarge', region: 'EU' })).createStep({
      inputs: { model_data: 's3://b/model.tar.gz' },
    });
    expect(gpu.Arguments.PrimaryContainer?.Image).toBe('763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310');
    expect(gpu.Arguments.PrimaryContainer?.Environment?.['SAGEMAKER_REGION']).toBe('eu-west-1');
  });

  it("adds config.env, and the SDK's script-mode variables win over it", () => {
    const env = new PyTorchModelStepBuilder(config({ env: { TS_MAX_WORKERS: '2', SAGEMAKER_PROGRAM: 'other.py' } })).getEnvironmentVariables();
    expect(env).toMatchObject({ TS_MAX_WORKERS: '2', SAGEMAKER_PROGRAM: 'inference.py' });
  });

  it('references its model name on the step it emits', () => {
    expect(builder.getOutputReference('model_name')).toEqual({ Get: 'Steps.PyTorchModel-CreateModel.ModelName' });
    expect(builder.getOutputs({})).toEqual({ model_name: { Get: 'Steps.PyTorchModel-CreateModel.ModelName' } });
  });

  it('needs the model data', async () => {
    await expect(builder.createStep({})).rejects.toThrow("Required input 'model_data' not provided");
  });

  it('takes the model data from a training step through the resolver', async () => {
    const training = StepSpecification.create({
      stepType: 'PyTorchTraining',
      nodeType: 'internal',
      dependencies: [{ logicalName: 'input_path', dependencyType: DependencyType.TRAINING_DATA, required: true }],
      outputs: [
        {
          logicalName: 'model_output',
          outputType: DependencyType.MODEL_ARTIFACTS,
          propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
          aliases: ['model_data'],
        },
      ],
    });
    const wired = await builder.createStep({ dependencies: [{ name: 'TrainPyTorch', spec: training }] });
    expect(wired.Arguments.PrimaryContainer?.ModelDataUrl).toEqual({ Get: 'Steps.TrainPyTorch.ModelArtifacts.S3ModelArtifacts' });
    expect(wired.DependsOn).toEqual(['TrainPyTorch']);
  });
});
