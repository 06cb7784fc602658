import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, problemsPerScenario, stringsIn } from './scenario-judgement.js';

export const outputLocations = defineCheck({
  id: 'level3.output_locations',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: 'S3 locations are well formed (no empty key segment) and distinct outputs go to distinct locations',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const found: string[] = [];
      for (const { path, value } of stringsIn(s.step.Arguments)) {
        const key = /^s3:\/\/[^/]+\/(.*)$/.exec(value)?.[1];
        if (key?.includes('//')) found.push(`${path} is ${value}: its key has an empty segment ('//'), so it is not where the step's readers look`);
      }
      const byDestination = new Map<string, string[]>();
      for (const output of adapter.outputs(s.step.Arguments)) {
        if (output.destination === undefined || output.requestPath === 'OutputDataConfig') continue;
        const key = JSON.stringify(output.destination).replace(/\/+"$/, '"');
        byDestination.set(key, [...(byDestination.get(key) ?? []), output.name]);
      }
      for (const [destination, names] of byDestination) {
        if (names.length > 1) found.push(`outputs ${names.join(', ')} all go to ${destination}, so each overwrites the others`);
      }
      return found;
    });
    return outcomeFromProblems(problems, `S3 locations well formed and distinct in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
