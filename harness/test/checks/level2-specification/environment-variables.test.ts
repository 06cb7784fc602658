import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withBuilderClass, withDefaultConfig, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.environment_variables';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("passes when the config's env overrides an optional variable", async () => {
    const overridden = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      config['env'] = { SM_CHECKPOINT_DIR: '/opt/ml/checkpoints/run-1' };
    });
    expect((await runChecks(overridden, [ID]))[ID]?.status).toBe('pass');
  });

  it('passes when a required variable comes from a hyperparameter of the config', async () => {
    const required = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
      (contract as { requiredEnvVars?: readonly string[] }).requiredEnvVars = ['MAX_EPOCHS'];
    });
    expect((await runChecks(required, [ID]))[ID]?.status).toBe('pass');
  });

  it('fails naming the variable, the expected value and what was found when an optional default is dropped', async () => {
    class NoEnvironment extends PyTorchTrainingStepBuilder {
      override getEnvironmentVariables(): Record<string, string> {
        return {};
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), NoEnvironment), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Environment variable SM_CHECKPOINT_DIR: expected '/opt/ml/checkpoints' (from contract default), found missing");
  });

  it('fails when a required variable has no value in the config', async () => {
    const required = withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
      (contract as { requiredEnvVars?: readonly string[] }).requiredEnvVars = ['MODEL_REGISTRY_URL'];
    });
    const result = (await runChecks(required, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("getEnvironmentVariables() threw: Required environment variable 'MODEL_REGISTRY_URL' not found in config");
  });
});
