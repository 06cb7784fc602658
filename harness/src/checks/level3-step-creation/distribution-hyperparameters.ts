import { isDeepStrictEqual } from 'node:util';
import {
  type DistributionTable,
  distributionHyperparameterNames,
  distributionMembers,
  distributionTableFor,
  isPipelineExpression,
  pipelineVariableToString,
  pythonJsonDumps,
  sdkDistributionHyperparameters,
  type StepTypeAdapter,
} from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import type { z } from 'zod';
import { defineCheck, fail, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { DISTRIBUTION, distributionOffersNoStrategy, hasDistributionSetting } from '../../scenarios/sdk-distribution.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';

/** How the SDK sends a value: json.dumps text, or a pipeline variable's `to_string()` (itself, or joined on ''). */
function sentAs(found: unknown, value: unknown): boolean {
  if (isPipelineExpression(value)) return isDeepStrictEqual(found, value) || isDeepStrictEqual(found, pipelineVariableToString(value, false));
  return found === pythonJsonDumps(value);
}

function show(value: unknown): string {
  return isPipelineExpression(value) ? JSON.stringify(value) : `'${pythonJsonDumps(value)}'`;
}

/**
 * The request's hyperparameters against the SDK's table for the scenario's configured `distribution` (none: `{}`,
 * the estimators' default): every hyperparameter it sets, at its JSON-encoded value, and none it sets for another.
 */
function distributionProblems(s: CreatedScenario, table: DistributionTable, names: ReadonlySet<string>, adapter: StepTypeAdapter): string[] {
  const configured = (s.config as unknown as Record<string, unknown>)[DISTRIBUTION] ?? {};
  if (!isPlainRecord(configured)) return [];
  const given = `${DISTRIBUTION} = ${JSON.stringify(configured)}`;
  const outcome = sdkDistributionHyperparameters(table, configured, adapter.resources(s.step.Arguments)?.instanceType);
  if ('refused' in outcome) return [`${given} was built, but ${outcome.refused}`];
  const sent = s.step.Arguments['HyperParameters'];
  const hyperparameters = isPlainRecord(sent) ? sent : {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(outcome.hyperparameters)) {
    const found = hyperparameters[name];
    if (found === undefined) problems.push(`${given}: ${table.estimator} sets HyperParameters.${name} = ${show(value)}, which the request lacks`);
    else if (!sentAs(found, value))
      problems.push(`${given}: HyperParameters.${name} is ${JSON.stringify(found)}, where ${table.estimator} sends ${show(value)}`);
  }
  for (const name of names) {
    if (name in hyperparameters && !(name in outcome.hyperparameters))
      problems.push(`${given}: HyperParameters.${name} is sent, but ${table.estimator} sets it for no strategy configured`);
  }
  return problems;
}

export const distributionHyperparameters = defineCheck({
  id: 'level3.distribution_hyperparameters',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title: "The hyperparameters of the configured `distribution` are the SDK estimator's: each it sets, JSON-encoded, and none of another strategy",
  async run(ctx) {
    const table = distributionTableFor(ctx.registration.framework);
    if (table === undefined) return notApplicable(`no SDK distribution table for the framework '${ctx.registration.framework}'`);
    const schema = ctx.registration.configSchema as z.ZodType;
    if (!hasDistributionSetting(schema)) return notApplicable(`the config schema has no '${DISTRIBUTION}' setting`);
    const members = distributionMembers(table).map((m) => m.member);
    if (distributionOffersNoStrategy(schema, table)) {
      return fail(
        `the config's '${DISTRIBUTION}' accepts none of ${table.estimator}'s strategies (${members.join(', ')}): no distributed training can be configured`,
      );
    }
    await ctx.step();
    const adapter = adapterOf(ctx);
    const names = distributionHyperparameterNames(table);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => distributionProblems(s, table, names, adapter));
    return outcomeFromProblems(
      problems,
      `the distribution hyperparameters are ${table.estimator}'s (${table.sdk}) in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
