import type { CreateStepOptions, TrainingStepDefinition } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level3.environment_in_request';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (major) when the request's Environment holds only the user's overrides, not what the builder computes", async () => {
    const OnlyOverrides = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
          const step = await super.createStep(options);
          const { Environment: _computed, ...rest } = step.Arguments;
          const env = this.config.env;
          return { ...step, Arguments: { ...rest, ...(env ? { Environment: env } : {}) } as TrainingStepDefinition['Arguments'] };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), OnlyOverrides), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(`[default] the builder computes SM_CHECKPOINT_DIR="/opt/ml/checkpoints", but the request's environment lacks it`);
  });

  it('fails (major) when a variable the contract requires is computed but never put in the request', async () => {
    const NoEnvironment = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
          const step = await super.createStep(options);
          const { Environment: _dropped, ...rest } = step.Arguments;
          return { ...step, Arguments: rest as TrainingStepDefinition['Arguments'] };
        }
      },
    }.XGBoostTrainingStepBuilder;
    const broken = withSpecAndContract(withBuilderClass(realBuilder('XGBoostTraining'), NoEnvironment), (_spec, contract) => {
      (contract as { requiredEnvVars?: readonly string[] }).requiredEnvVars = ['MODEL_CLASS'];
    });
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain("[default] the contract requires MODEL_CLASS, but the request's environment lacks it");
  });
});
