import { transformAdapter } from '@stepscore/sagemaker';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { problemsPerScenario } from './scenario-judgement.js';

export const transformModelName = defineCheck({
  id: 'level3.transform_model_name',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Transform'],
  title: 'ModelName comes from the upstream model step the builder depends on, not a fixed name',
  async run(ctx) {
    await ctx.step();
    const spec = ctx.specification();
    if (spec.dependencies.size === 0)
      return fail(`${ctx.registration.stepName} declares no dependency, so its ModelName cannot come from an upstream model step`);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const modelName = transformAdapter.modelName(s.step.Arguments);
      const given = Object.entries(s.plan.inputs).filter(([, value]) => JSON.stringify(value) === JSON.stringify(modelName));
      if (given.length > 0) return [];
      return [
        `ModelName is ${JSON.stringify(modelName)}, which is none of the dependencies given (${Object.keys(s.plan.inputs).join(', ') || 'none'}): the transform would not run the model its pipeline made`,
      ];
    });
    return outcomeFromProblems(
      problems,
      `ModelName comes from a dependency in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
