import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const stepCreated = defineCheck({
  id: 'level3.step_created',
  level: 3,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'The builder creates its step for every scenario its schema accepts',
  async run(ctx) {
    await ctx.step();
    const scenarios = await ctx.scenarios();
    const problems = scenarios.flatMap((s) =>
      s.failure?.stage === 'step_creation' ? [`scenario '${s.plan.name}' (${s.plan.description}): createStep failed: ${s.failure.message}`] : [],
    );
    return outcomeFromProblems(
      problems,
      `steps created for ${scenarios.length} scenario(s): ${scenarios.map((s) => s.plan.name).join(', ')}`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
