import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.validate_configuration_names_missing_setting';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails when validateConfiguration() checks nothing', async () => {
    class Trusting extends PyTorchTrainingStepBuilder {
      override validateConfiguration(): void {}
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), Trusting), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("validateConfiguration() accepted a config without 'training_instance_type'");
    expect(result?.message).toContain("validateConfiguration() accepted a config without 'source_dir'");
  });

  it('fails when validateConfiguration() refuses without naming the setting', async () => {
    class Vague extends XGBoostTrainingStepBuilder {
      override validateConfiguration(): void {
        try {
          super.validateConfiguration();
        } catch {
          throw new Error('configuration is incomplete');
        }
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), Vague), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`validateConfiguration() refused a config without 'py_version' but did not name it: "configuration is incomplete"`);
  });
});
