import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, literalText, problemsPerScenario } from './scenario-judgement.js';

export const jobArgumentsInRequest = defineCheck({
  id: 'level3.job_arguments_in_request',
  level: 3,
  severity: 'major',
  appliesTo: ['Training', 'Processing'],
  title: 'Every argument the script contract expects reaches the script, with a value',
  async run(ctx) {
    const expected = Object.keys(ctx.registration.contract?.expectedArguments ?? {});
    if (expected.length === 0) return notApplicable(`${ctx.registration.stepName}'s script contract expects no arguments`);
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const sent = adapter.jobArguments(s.step.Arguments).map((a) => literalText(a) ?? a);
      return expected.flatMap((name) => {
        const at = sent.indexOf(`--${name}`);
        if (at === -1) return [`the contract expects --${name}, but the script is not given it`];
        return sent[at + 1] === undefined || (typeof sent[at + 1] === 'string' && String(sent[at + 1]).startsWith('--')) ? [`--${name} is given no value`] : [];
      });
    });
    return outcomeFromProblems(
      problems,
      `${expected.length} contract argument(s) reach the script in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
