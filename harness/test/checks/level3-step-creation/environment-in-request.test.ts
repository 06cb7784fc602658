import type { CreateStepOptions } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.environment_in_request';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('passes when the config sets environment variables of its own', async () => {
    const changed = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['env'] = { MODEL_TYPE: 'binary', CUSTOM_TRAINING_VAR: 'on' };
    });
    const result = await runCheck(changed, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails when the request leaves the environment out', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override async createStep(options?: CreateStepOptions) {
        const step = await super.createStep(options);
        const { Environment: _dropped, ...args } = step.Arguments;
        return { ...step, Arguments: args };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(
      result,
      `Environment is missing, but getEnvironmentVariables() gives {"SM_CHECKPOINT_DIR":"/opt/ml/checkpoints"}`,
      'config.env does not reach the job',
    );
  });

  it('fails when config.env never reaches the job', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getEnvironmentVariables(): Record<string, string> {
        return {};
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "Environment.STEPSCORE_PROBE_VARIABLE is missing, expected 'from-config-env': config.env does not reach the job");
  });
});
