import { isIso8601Duration, type PipelineStepDefinition } from '@stepscore/step-builder';
import { defineCheck, fail } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { probeStep } from './config-variants.js';
import { isRecord, show } from './step-arguments.js';

type CacheSettings = {
  readonly enable_caching: boolean;
  readonly cache_expire_after: string;
};

/** A duration no builder would default to, so that a step that carries it must have read it from the config. */
const PROBE_EXPIRE_AFTER = 'P7DT12H';

function cacheProblems(step: PipelineStepDefinition, settings: CacheSettings, where: string): string[] {
  const cache: unknown = step.CacheConfig;
  if (!isRecord(cache)) return [`${where}the step has no CacheConfig (found ${show(cache)})`];
  const problems: string[] = [];
  if (cache['Enabled'] !== settings.enable_caching) {
    problems.push(`${where}CacheConfig.Enabled is ${show(cache['Enabled'])}, but config.enable_caching is ${settings.enable_caching}`);
  }
  if (settings.enable_caching) {
    const expireAfter = cache['ExpireAfter'];
    if (typeof expireAfter !== 'string' || !isIso8601Duration(expireAfter)) {
      problems.push(`${where}CacheConfig.ExpireAfter is ${show(expireAfter)}, which is not an ISO-8601 duration such as 'P30D'`);
    } else if (expireAfter !== settings.cache_expire_after) {
      problems.push(`${where}CacheConfig.ExpireAfter is ${show(expireAfter)}, but config.cache_expire_after is ${show(settings.cache_expire_after)}`);
    }
  }
  return problems;
}

export const cacheConfig = defineCheck({
  id: 'level3.cache_config',
  level: 3,
  severity: 'major',
  importance: 1.1,
  appliesTo: 'all',
  title: 'The step caches as the config says, for an ISO-8601 duration',
  async run(ctx) {
    const step = await ctx.step();
    const config = ctx.config() as unknown as Partial<CacheSettings>;
    if (typeof config.enable_caching !== 'boolean' || typeof config.cache_expire_after !== 'string') {
      return fail(
        `${ctx.registration.stepName}'s config has no enable_caching (boolean) and cache_expire_after (string) settings ` +
          `(found ${show(config.enable_caching)} and ${show(config.cache_expire_after)}), so its caching cannot be configured`,
      );
    }
    const settings = { enable_caching: config.enable_caching, cache_expire_after: config.cache_expire_after };
    const problems = cacheProblems(step, settings, '');
    const probes: CacheSettings[] = [
      { enable_caching: false, cache_expire_after: settings.cache_expire_after },
      { enable_caching: true, cache_expire_after: PROBE_EXPIRE_AFTER },
    ];
    for (const probe of probes) {
      const where = `with enable_caching ${probe.enable_caching}${probe.enable_caching ? ` and cache_expire_after '${probe.cache_expire_after}'` : ''}, `;
      try {
        problems.push(...cacheProblems(await probeStep(ctx, probe), probe, where));
      } catch (error) {
        problems.push(`${where}no step could be created: ${errorMessage(error)}`);
      }
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `CacheConfig ${JSON.stringify(step.CacheConfig)} follows enable_caching and cache_expire_after`,
    );
  },
});
