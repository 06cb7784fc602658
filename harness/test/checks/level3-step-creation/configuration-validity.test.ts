import type { PipelineValue } from '@stepscore/step-builder';
import { describe, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.configuration_validity';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('fails, naming the map, when the config carries more than 100 hyperparameters', async () => {
    const broken = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      const hyperparameters = config['hyperparameters'] as Record<string, unknown>;
      for (let i = 0; i < 100; i++) hyperparameters[`feature_weight_${i}`] = i / 10;
    });
    const result = await runCheck(broken, ID);
    expectFailure(result, 'HyperParameters has 115 entries', 'at most 100');
  });

  it('fails, naming the hyperparameter, when a value is longer than 2500 characters', async () => {
    const broken = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      (config['hyperparameters'] as Record<string, unknown>)['tokenizer'] = 'x'.repeat(2600);
    });
    const result = await runCheck(broken, ID);
    expectFailure(result, 'tokenizer', 'allows at most 2500');
  });

  it('fails, naming the channel path, when a channel name has a character SageMaker does not allow', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        const channels = await super.getInputs(inputs);
        return channels.map((c) => (c.ChannelName === 'config' ? { ...c, ChannelName: 'config/hyperparameters' } : c));
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, 'InputDataConfig[3].ChannelName', 'config/hyperparameters', "ChannelName's pattern");
  });
});
