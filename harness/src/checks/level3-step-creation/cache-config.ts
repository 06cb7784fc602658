import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { problemsPerScenario } from './scenario-judgement.js';

const ISO_8601_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export const cacheConfig = defineCheck({
  id: 'level3.cache_config',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: 'A cache configuration, when the step has one, is one SageMaker Pipelines accepts',
  async run(ctx) {
    await ctx.step();
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const cache = s.step.CacheConfig as unknown;
      if (cache === undefined) return [];
      if (typeof cache !== 'object' || cache === null) return [`CacheConfig is ${JSON.stringify(cache)}; it must be an object`];
      const { Enabled: enabled, ExpireAfter: expireAfter } = cache as { Enabled?: unknown; ExpireAfter?: unknown };
      if (typeof enabled !== 'boolean') return [`CacheConfig.Enabled is ${JSON.stringify(enabled)}; it must be true or false`];
      if (enabled && (typeof expireAfter !== 'string' || !ISO_8601_DURATION.test(expireAfter))) {
        return [`CacheConfig.ExpireAfter is ${JSON.stringify(expireAfter)}; an enabled cache needs an ISO-8601 duration such as 'P30D'`];
      }
      return [];
    });
    return outcomeFromProblems(problems, `cache configuration valid in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
