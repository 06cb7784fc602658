import { SpecificationError } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { SpecContractAlignmentError } from '../src/index.js';
import {
  type ExampleConfig,
  exampleBuilderWith,
  exampleConfig,
  ExampleTrainingStepBuilder,
  seedContract,
  seedContractWithCheckpoints,
  seedSpec,
} from './support/example-builder.js';

const FIXED_MS = Date.UTC(2025, 7, 16);
function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

const TRAINING_JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

describe('construction', () => {
  it('builds with an aligned spec and contract and validates the configuration once', () => {
    const before = ExampleTrainingStepBuilder.validations;
    const builder = new ExampleTrainingStepBuilder(exampleConfig());
    expect(ExampleTrainingStepBuilder.validations).toBe(before + 1);
    expect(builder.contract).toBe(seedContract);
    expect(builder.spec.stepType).toBe('PyTorchTraining');
    expect(builder.awsRegion).toBe('us-east-1');
    expect(builder.role).toBe('arn:aws:iam::123456789012:role/SageMakerRole');
  });

  it("refuses the seed's contract with a checkpoints output, with the reference's exact message", () => {
    const build = () => exampleBuilderWith(seedContractWithCheckpoints);
    const error = thrownBy(build);
    expect(error).toBeInstanceOf(SpecContractAlignmentError);
    expect(error.message).toBe(`Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`);
    expect((error as SpecContractAlignmentError).errors).toEqual(["Contract outputs missing from specification outputs: {'checkpoints'}"]);
  });

  it('refuses a contract that reads an input the spec does not declare', () => {
    const withConfigInput = { ...seedContract, expectedInputPaths: { ...seedContract.expectedInputPaths, config: '/opt/ml/input/data/config' } };
    expect(thrownBy(() => exampleBuilderWith(withConfigInput)).message).toBe(
      `Spec-Contract alignment errors: ["Contract inputs missing from specification dependencies: {'config'}"]`,
    );
  });

  it('lists every alignment error in one message', () => {
    const both = {
      ...seedContractWithCheckpoints,
      expectedInputPaths: { ...seedContract.expectedInputPaths, b: '/opt/ml/input/data/b', a: '/opt/ml/input/data/a' },
    };
    expect(thrownBy(() => exampleBuilderWith(both)).message).toBe(
      `Spec-Contract alignment errors: ["Contract inputs missing from specification dependencies: {'a', 'b'}", ` +
        `"Contract outputs missing from specification outputs: {'checkpoints'}"]`,
    );
  });

  it('refuses an invalid specification before anything else', () => {
    const spec = { ...seedSpec(), dependencies: [] };
    expect(() => new ExampleTrainingStepBuilder(exampleConfig(), { spec })).toThrow(SpecificationError);
    expect(() => new ExampleTrainingStepBuilder(exampleConfig(), { spec })).toThrow("INTERNAL node 'PyTorchTraining' must have dependencies");
  });

  it('refuses an unknown region code that slipped past the config schema', () => {
    const config = { ...exampleConfig(), region: 'XX' } as ExampleConfig;
    expect(thrownBy(() => new ExampleTrainingStepBuilder(config)).message).toBe('Invalid region code: XX. Must be one of: NA, EU, FE');
  });

  it.each([
    ['EU', 'eu-west-1'],
    ['FE', 'us-west-2'],
  ])('takes the AWS region of %s from the config', (region, awsRegion) => {
    expect(new ExampleTrainingStepBuilder(exampleConfig({ region })).awsRegion).toBe(awsRegion);
  });

  it('surfaces what validateConfiguration throws', () => {
    expect(() => new ExampleTrainingStepBuilder(exampleConfig({ service_name: 'refuse' }))).toThrow(
      'ExampleTrainingConfig missing required attribute: service_name',
    );
  });

  it('lets the caller choose the role', () => {
    const role = 'arn:aws:iam::210987654321:role/Other';
    expect(new ExampleTrainingStepBuilder(exampleConfig(), { role }).role).toBe(role);
  });
});

describe('naming', () => {
  it('names the step after the class, without StepBuilder', () => {
    expect(new ExampleTrainingStepBuilder(exampleConfig()).getStepName()).toBe('ExampleTraining');
  });

  it('appends the capitalised job type', () => {
    expect(new ExampleTrainingStepBuilder(exampleConfig({ job_type: 'training' })).getStepName()).toBe('ExampleTraining-Training');
    expect(new ExampleTrainingStepBuilder(exampleConfig({ job_type: 'CALIBRATION' })).getStepName()).toBe('ExampleTraining-Calibration');
  });

  it('names jobs <step>-<unix seconds>', () => {
    const builder = new ExampleTrainingStepBuilder(exampleConfig(), { now: () => FIXED_MS + 999 });
    expect(builder.generateJobName()).toBe('ExampleTraining-1755302400');
  });

  it('includes the job type in the job name', () => {
    const builder = new ExampleTrainingStepBuilder(exampleConfig({ job_type: 'validation' }), { now: () => FIXED_MS });
    expect(builder.generateJobName()).toBe('ExampleTraining-Validation-1755302400');
  });

  it("keeps long names within SageMaker's limits: step ≤ 64, job ≤ 63 of the job-name pattern", () => {
    class AVeryLongNameForAStepBuilderThatGoesOnAndOnWellPastWhatSageMakerAllowsStepBuilder extends ExampleTrainingStepBuilder {}
    const builder = new AVeryLongNameForAStepBuilderThatGoesOnAndOnWellPastWhatSageMakerAllowsStepBuilder(exampleConfig({ job_type: 'training' }), {
      now: () => FIXED_MS,
    });
    expect(builder.getStepName()).toHaveLength(64);
    expect(builder.getStepName()).toMatch(/^[A-Za-z0-9_-]+$/);
    const jobName = builder.generateJobName();
    expect(jobName.length).toBeLessThanOrEqual(63);
    expect(jobName).toMatch(TRAINING_JOB_NAME);
  });
});

describe('environment variables from the contract', () => {
  it('gives optional variables their contract defaults', () => {
    expect(new ExampleTrainingStepBuilder(exampleConfig()).getEnvironmentVariables()).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
  });

  it('takes a value from a hyperparameter named like the variable in lowercase', () => {
    const builder = new ExampleTrainingStepBuilder(exampleConfig({ hyperparameters: { sm_checkpoint_dir: '/opt/ml/checkpoints/run1' } }));
    expect(builder.getEnvironmentVariables()).toEqual({ SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run1' });
  });

  it('prefers a config field over a hyperparameter of the same name', () => {
    const config = { ...exampleConfig({ hyperparameters: { sm_checkpoint_dir: '/from/hp' } }), sm_checkpoint_dir: '/from/config' } as ExampleConfig;
    expect(new ExampleTrainingStepBuilder(config).getEnvironmentVariables()).toEqual({ SM_CHECKPOINT_DIR: '/from/config' });
  });

  it('lets config.env override and extend the contract', () => {
    const builder = new ExampleTrainingStepBuilder(exampleConfig({ env: { SM_CHECKPOINT_DIR: '/ckpt', EXTRA: '1' } }));
    expect(builder.getEnvironmentVariables()).toEqual({ SM_CHECKPOINT_DIR: '/ckpt', EXTRA: '1' });
  });

  it('fills required variables from the config, stringified', () => {
    const contract = { ...seedContract, requiredEnvVars: ['MODEL_CLASS', 'BATCH_SIZE'] };
    const builder = exampleBuilderWith(contract, exampleConfig({ model_class: 'bert', hyperparameters: { batch_size: 32 } }));
    expect(builder.getEnvironmentVariables()).toEqual({ MODEL_CLASS: 'bert', BATCH_SIZE: '32', SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
  });

  it('names a required variable the config does not supply', () => {
    const builder = exampleBuilderWith({ ...seedContract, requiredEnvVars: ['SECRET_TOKEN'] });
    expect(thrownBy(() => builder.getEnvironmentVariables()).message).toBe(
      "Required environment variable 'SECRET_TOKEN' not found in config: set 'secret_token' or env.SECRET_TOKEN",
    );
  });

  it('accepts a required variable supplied through config.env, as the message says', () => {
    const builder = exampleBuilderWith({ ...seedContract, requiredEnvVars: ['SECRET_TOKEN'] }, exampleConfig({ env: { SECRET_TOKEN: 'abc' } }));
    expect(builder.getEnvironmentVariables()).toEqual({ SECRET_TOKEN: 'abc', SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' });
  });

  it('is empty without a contract', () => {
    const { scriptContract: _c, ...withoutContract } = seedSpec();
    expect(new ExampleTrainingStepBuilder(exampleConfig(), { spec: withoutContract }).getEnvironmentVariables()).toEqual({});
  });

  it('still passes config.env through without a contract', () => {
    const { scriptContract: _c, ...withoutContract } = seedSpec();
    const config = { ...exampleConfig(), env: { EXTRA: '1' } };
    expect(new ExampleTrainingStepBuilder(config, { spec: withoutContract }).getEnvironmentVariables()).toEqual({ EXTRA: '1' });
  });
});

describe('job arguments from the contract', () => {
  it('are undefined when the contract expects none', () => {
    expect(new ExampleTrainingStepBuilder(exampleConfig()).getJobArguments()).toBeUndefined();
  });

  it('are --name value pairs, taken from the config where it has them, else the contract default', () => {
    const contract = { ...seedContract, expectedArguments: { 'job-type': 'training', 'max-epochs': '3', 'data-format': 'csv' } };
    const builder = exampleBuilderWith(contract, exampleConfig({ job_type: 'calibration', hyperparameters: { max_epochs: 7 } }));
    expect(builder.getJobArguments()).toEqual(['--job-type', 'calibration', '--max-epochs', '7', '--data-format', 'csv']);
  });
});

describe('cache config', () => {
  const builder = new ExampleTrainingStepBuilder(exampleConfig());

  it('enables caching with the given expiry', () => {
    expect(builder.getCacheConfig(true, 'P30D')).toEqual({ Enabled: true, ExpireAfter: 'P30D' });
  });

  it('disables caching without an expiry', () => {
    expect(builder.getCacheConfig(false, 'P30D')).toEqual({ Enabled: false });
  });
});

describe('property paths', () => {
  const builder = new ExampleTrainingStepBuilder(exampleConfig());

  it('looks outputs up by logical name or case-insensitive alias', () => {
    expect(builder.getPropertyPath('model_output')).toBe('properties.ModelArtifacts.S3ModelArtifacts');
    expect(builder.getPropertyPath('model_data')).toBe('properties.ModelArtifacts.S3ModelArtifacts');
    expect(builder.getPropertyPath('EVAL_DATA')).toBe('properties.OutputDataConfig.S3OutputPath');
    expect(builder.getPropertyPath('checkpoints')).toBeUndefined();
  });

  it('fills {placeholders} it has values for and leaves the others', () => {
    const spec = seedSpec();
    const outputs = spec.outputs.map((o) =>
      o.logicalName === 'data_output' ? { ...o, propertyPath: "properties.ProcessingOutputConfig.Outputs['{output}'].S3Output.{field}" } : o,
    );
    const templated = new ExampleTrainingStepBuilder(exampleConfig(), { spec: { ...spec, outputs } });
    expect(templated.getPropertyPath('data_output', { output: 'evaluation' })).toBe("properties.ProcessingOutputConfig.Outputs['evaluation'].S3Output.{field}");
  });

  it('lists every output property path', () => {
    expect(builder.getAllPropertyPaths()).toEqual({
      model_output: 'properties.ModelArtifacts.S3ModelArtifacts',
      data_output: 'properties.OutputDataConfig.S3OutputPath',
    });
  });

  it('references its own outputs as Get expressions', () => {
    expect(builder.getOutputReference('model_data')).toEqual({ Get: 'Steps.ExampleTraining.ModelArtifacts.S3ModelArtifacts' });
    expect(() => builder.getOutputReference('checkpoints')).toThrow("ExampleTraining has no output 'checkpoints'");
  });
});
