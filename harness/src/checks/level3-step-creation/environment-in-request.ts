import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';

export const environmentInRequest = defineCheck({
  id: 'level3.environment_in_request',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: "The contract's required environment variables, and every variable the builder computes, reach the request",
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const required = ctx.registration.contract?.requiredEnvVars ?? [];
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const sent = adapter.environment(s.step.Arguments);
      const found = required.filter((name) => sent[name] === undefined).map((name) => `the contract requires ${name}, but the request's environment lacks it`);
      let computed: Record<string, string> = {};
      try {
        computed = s.builder.getEnvironmentVariables();
      } catch (error) {
        return [...found, `getEnvironmentVariables() threw: ${errorMessage(error)}`];
      }
      for (const [name, value] of Object.entries(computed)) {
        if (sent[name] === undefined) found.push(`the builder computes ${name}=${JSON.stringify(value)}, but the request's environment lacks it`);
        else if (typeof sent[name] === 'string' && sent[name] !== value)
          found.push(`${name} is ${JSON.stringify(sent[name])} in the request, but the builder computes ${JSON.stringify(value)}`);
      }
      return found;
    });
    return outcomeFromProblems(problems, `environment complete in ${scenarios.length} scenario(s)`, problems.length > 1 ? { problems } : undefined);
  },
});
