import type { CacheConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.cache_config';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when ExpireAfter is written as days, not as an ISO-8601 duration', async () => {
    const Days = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getCacheConfig(enableCaching: boolean): CacheConfig {
          return enableCaching ? { Enabled: true, ExpireAfter: '30d' } : { Enabled: false };
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Days), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(`[default] CacheConfig.ExpireAfter is "30d"; an enabled cache needs an ISO-8601 duration such as 'P30D'`);
    expect(result.message).not.toContain('[flip-enable_caching]');
  });

  it('fails (major) when Enabled is the config text rather than a boolean', async () => {
    const Text = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getCacheConfig(enableCaching: boolean, expireAfter: string): CacheConfig {
          return { Enabled: String(enableCaching), ExpireAfter: expireAfter } as unknown as CacheConfig;
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Text), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('[default] CacheConfig.Enabled is "true"; it must be true or false');
  });

  it('fails (major) when caching configured on gives a disabled cache', async () => {
    const NeverCached = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getCacheConfig(enableCaching: boolean, expireAfter: string): CacheConfig {
          return enableCaching ? { Enabled: false, ExpireAfter: expireAfter } : { Enabled: false };
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), NeverCached), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('[default] enable_caching is true but CacheConfig.Enabled is false');
    expect(result.message).not.toContain('[flip-enable_caching]');
  });
});
