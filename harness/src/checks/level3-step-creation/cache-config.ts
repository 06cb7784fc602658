import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { ISO_8601_DURATION } from '../../scenarios/value-formats.js';
import { problemsPerScenario } from './scenario-judgement.js';

/** A boolean setting whose name says it switches the step's cache on (enable_caching, use_cache, cache_enabled). */
const CACHE_SWITCH = /^(enable|use)_?cach(e|ing)$|^cach(e|ing)_?enabled$/i;

/** A cache switch in the config that the step does not follow: caching configured on must give `Enabled: true`. */
function switchProblems(s: CreatedScenario): string[] {
  const enabled = (s.step.CacheConfig as { Enabled?: unknown } | undefined)?.Enabled;
  return Object.entries(s.config)
    .filter(([name, value]) => typeof value === 'boolean' && CACHE_SWITCH.test(name))
    .flatMap(([name, on]) =>
      enabled === on || (enabled === undefined && on === false) ? [] : [`${name} is ${String(on)} but CacheConfig.Enabled is ${JSON.stringify(enabled)}`],
    );
}

export const cacheConfig = defineCheck({
  id: 'level3.cache_config',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: "A cache configuration, when the step has one, is one SageMaker Pipelines accepts and follows the config's cache switch",
  async run(ctx) {
    await ctx.step();
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const cache = s.step.CacheConfig as unknown;
      if (cache === undefined) return switchProblems(s);
      if (typeof cache !== 'object' || cache === null) return [`CacheConfig is ${JSON.stringify(cache)}; it must be an object`];
      const { Enabled: enabled, ExpireAfter: expireAfter } = cache as { Enabled?: unknown; ExpireAfter?: unknown };
      if (typeof enabled !== 'boolean') return [`CacheConfig.Enabled is ${JSON.stringify(enabled)}; it must be true or false`];
      if (enabled && (typeof expireAfter !== 'string' || !ISO_8601_DURATION.test(expireAfter))) {
        return [`CacheConfig.ExpireAfter is ${JSON.stringify(expireAfter)}; an enabled cache needs an ISO-8601 duration such as 'P30D'`];
      }
      return switchProblems(s);
    });
    return outcomeFromProblems(problems, `cache configuration valid in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
