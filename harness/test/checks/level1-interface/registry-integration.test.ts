import { type BuilderRegistration, type CreateStepOptions, type TrainingStepDefinition, stepNameFromClassName } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { ProfileError } from '../../../src/profiles/index.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';

const ID = 'level1.registry_integration';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('passes when a job type is configured and getStepName() adds it', async () => {
    const withJobType = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['job_type'] = 'calibration';
    });
    const result = await runCheck(withJobType, ID);
    expect(result.status).toBe('pass');
  });

  it("fails (minor) when a builder copied from another framework's keeps its registration's framework", async () => {
    // XGBoostModel registered from a copy of PyTorchModel's registration: reports and framework checks read 'pytorch'.
    const result = await runCheck({ ...realBuilder('XGBoostModel'), framework: 'pytorch' }, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toMatch(
      /^the builder is registered as framework 'pytorch', but its image \S+\/sagemaker-xgboost:\S+ is from repository 'sagemaker-xgboost', not pytorch-training or pytorch-inference$/,
    );
  });

  it('fails (minor) when the registration names no framework', async () => {
    const result = await runCheck({ ...realBuilder('BatchTransform'), framework: '' }, ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe('the registration names no framework ("")');
  });

  it('fails (minor) when getStepName() returns a name of its own', async () => {
    const Named = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getStepName(): string {
          return 'XGBoostModelTraining';
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Named), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe("getStepName() returned 'XGBoostModelTraining', but the builder is registered as 'XGBoostTraining'");
  });

  it('fails (minor) when getStepName() drops the configured job type', async () => {
    const Named = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getStepName(): string {
          return stepNameFromClassName(this.constructor.name);
        }
      },
    }.XGBoostTrainingStepBuilder;
    const broken = withDefaultConfig(withBuilderClass(realBuilder('XGBoostTraining'), Named), (config) => {
      config['job_type'] = 'calibration';
    });
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe("getStepName() returned 'XGBoostTraining', but the builder is registered as 'XGBoostTraining-Calibration'");
  });

  it("fails (minor) when the emitted step's Type is not its registered step type's", async () => {
    class XGBoostTrainingStepBuilderTyped extends XGBoostTrainingStepBuilder {
      override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
        const step = await super.createStep(options);
        return { ...step, Type: 'TrainingJob' } as unknown as TrainingStepDefinition;
      }
    }
    const Named = { XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilderTyped {} }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Named), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe("the step's Type is 'TrainingJob', but the builder is registered as a Training step, whose pipeline Type is 'Training'");
  });

  it('a registration under an unknown step type cannot be scored at all: the run throws a ProfileError', async () => {
    const broken = { ...realBuilder('XGBoostTraining'), stepType: 'Trainer' } as unknown as BuilderRegistration;
    await expect(runChecks(broken, [ID])).rejects.toThrow(ProfileError);
    await expect(runChecks(broken, [ID])).rejects.toThrow("There is no profile for step type 'Trainer'");
  });
});
