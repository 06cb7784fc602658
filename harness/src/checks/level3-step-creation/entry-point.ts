import { posix } from 'node:path';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, literalText, problemsPerScenario, runsBuiltInAlgorithm } from './scenario-judgement.js';

export const entryPoint = defineCheck({
  id: 'level3.entry_point',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Training', 'Processing'],
  title: "The container runs the script contract's entry point",
  async run(ctx) {
    await ctx.step();
    const contract = ctx.registration.contract;
    if (!contract) return fail(`${ctx.registration.stepName} runs a script but has no script contract, so what its container runs cannot be checked`);
    const adapter = adapterOf(ctx);
    const expected = posix.basename(contract.entryPoint);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const candidates = [...(adapter.entrypoint(s.step.Arguments) ?? []), ...adapter.jobArguments(s.step.Arguments)];
      const runs = candidates.map(literalText).filter((t): t is string => t !== undefined);
      if (runs.some((text) => posix.basename(text) === expected)) return [];
      // A launcher the builder uploaded (a FrameworkProcessor's runproc.sh) runs the entry point in turn.
      const launchers = s.uploads.filter((u) => runs.some((text) => posix.basename(text) === posix.basename(u.s3Uri)));
      if (launchers.some((u) => new RegExp(`(^|[\\s/"'])${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s"']|$)`, 'm').test(u.body))) return [];
      // A mode the schema allows only without the script's settings (they were left out for it) may run the image's
      // built-in algorithm instead of a script; the other scenarios still must run the contract's.
      if (s.plan.changed.some((c) => c.purpose === 'left-out') && runsBuiltInAlgorithm(s.step.Arguments)) return [];
      // With the entry point given as a pipeline parameter, what runs is decided when the pipeline runs.
      if (s.plan.changed.some((c) => c.purpose === 'parameter') && candidates.some((c) => typeof c === 'object')) return [];
      return [`nothing in the request runs '${contract.entryPoint}' (entry point and arguments: ${runs.map((r) => `'${r}'`).join(', ') || 'none'})`];
    });
    return outcomeFromProblems(
      problems,
      `the container runs ${contract.entryPoint} in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
