import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const validScenariosAccepted = defineCheck({
  id: 'level1.valid_scenarios_accepted',
  level: 1,
  severity: 'blocker',
  appliesTo: 'all',
  title:
    'Every config the schema accepts (each scenario) is accepted and the builder constructs, and every value an enum setting declares is accepted in some config',
  async run(ctx) {
    const scenarios = await ctx.scenarios();
    const problems = scenarios.flatMap((s) =>
      s.failure && s.failure.stage !== 'step_creation'
        ? [
            `scenario '${s.plan.name}' (${s.plan.description}): ${s.failure.stage === 'config' ? 'the config was refused' : 'the builder could not be constructed'}: ${s.failure.message}`,
          ]
        : [],
    );
    // A value the schema offers (its JSON Schema enum) but refuses in every config: a mode no user can choose.
    for (const { field, value } of ctx.derivedScenarios().refusedEnumValues) {
      problems.push(
        `${field} = ${JSON.stringify(value)} is one of the values the schema declares, yet the schema refuses it in the default config and with every optional setting left out: no config can use it`,
      );
    }
    return outcomeFromProblems(
      problems,
      `${scenarios.length} scenario(s) accepted: ${scenarios.map((s) => s.plan.name).join(', ')}`,
      problems.length > 0 ? { problems } : undefined,
    );
  },
});
