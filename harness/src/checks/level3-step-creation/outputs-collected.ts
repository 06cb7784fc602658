import { isUnderContainerPath } from '@stepscore/step-model';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';

export const outputsCollected = defineCheck({
  id: 'level3.outputs_collected',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Training', 'Processing'],
  title: 'Every output the script contract writes is collected from the container path it writes to',
  async run(ctx) {
    await ctx.step();
    const contract = ctx.registration.contract;
    if (!contract) return fail(`${ctx.registration.stepName} runs a script but has no script contract, so its outputs cannot be matched to container paths`);
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const outputs = adapter.outputs(s.step.Arguments);
      return Object.entries(contract.expectedOutputPaths).flatMap(([logical, path]) => {
        const collecting = outputs.filter((o) => o.containerPath !== undefined && isUnderContainerPath(path, o.containerPath));
        if (collecting.length === 0) {
          const listed = outputs.map((o) => `${o.name} from ${o.containerPath ?? '?'}`).join(', ') || 'none';
          return [`output '${logical}' is written to ${path}, but the request collects nothing from there (collected: ${listed})`];
        }
        return collecting
          .filter((o) => o.destination === undefined)
          .map((o) => `output '${logical}' is collected by ${o.name} from ${path}, but it has no S3 destination`);
      });
    });
    return outcomeFromProblems(
      problems,
      `${Object.keys(contract.expectedOutputPaths).length} contract output(s) collected in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
