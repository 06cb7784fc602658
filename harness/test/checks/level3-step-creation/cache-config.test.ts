import type { CacheConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.cache_config';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('passes when the config turns caching off', async () => {
    const changed = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['enable_caching'] = false;
    });
    const result = await runCheck(changed, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails when caching is always on for 30 days, whatever the config says', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override getCacheConfig(): CacheConfig {
        return { Enabled: true, ExpireAfter: 'P30D' };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(
      result,
      'with enable_caching false, CacheConfig.Enabled is true, but config.enable_caching is false',
      "with enable_caching true and cache_expire_after 'P7DT12H', CacheConfig.ExpireAfter is 'P30D', but config.cache_expire_after is 'P7DT12H'",
    );
  });

  it('fails when ExpireAfter is not an ISO-8601 duration', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getCacheConfig(enableCaching: boolean, expireAfter: string): CacheConfig {
        return enableCaching ? { Enabled: true, ExpireAfter: `${expireAfter.replace(/^P(\d+)D$/, '$1')} days` } : { Enabled: false };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "CacheConfig.ExpireAfter is '30 days', which is not an ISO-8601 duration");
  });
});
