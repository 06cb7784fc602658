import { isDeepStrictEqual } from 'node:util';
import { defineCheck } from '../../check/check-definition.js';
import { builderOutcome } from './builder-outcome.js';
import { probeStep } from './config-variants.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { argumentAt, isRecord, show } from './step-arguments.js';

/** A variable no contract declares, so a step that carries it must have taken it from config.env. */
const PROBE_VARIABLE = { STEPSCORE_PROBE_VARIABLE: 'from-config-env' } as const;

function environmentProblems(actual: unknown, expected: Readonly<Record<string, string>>, where: string): string[] {
  if (Object.keys(expected).length === 0) {
    return actual === undefined || isDeepStrictEqual(actual, {}) ? [] : [`${where}Environment is ${show(actual)}, but getEnvironmentVariables() is empty`];
  }
  if (isDeepStrictEqual(actual, expected)) return [];
  return [`${where}Environment is ${show(actual)}, but getEnvironmentVariables() gives ${show(expected)}`];
}

export const environmentInRequest = defineCheck({
  id: 'level3.environment_in_request',
  level: 3,
  severity: 'major',
  importance: 1.1,
  appliesTo: ['Training'],
  title: "The job's Environment is the builder's environment variables (contract defaults and config.env)",
  async run(ctx) {
    const builder = ctx.builder();
    const step = await ctx.step();
    const expected = builder.getEnvironmentVariables();
    const problems = environmentProblems(argumentAt(step, 'Environment'), expected, '');
    const env = { ...((ctx.config() as { env?: Record<string, string> }).env ?? {}), ...PROBE_VARIABLE };
    const where = `with config.env ${show(env)}, `;
    try {
      const probe = await probeStep(ctx, { env });
      const variables = argumentAt(probe, 'Environment');
      const [name, value] = Object.entries(PROBE_VARIABLE)[0] as [string, string];
      const sent = isRecord(variables) ? variables[name] : undefined;
      if (sent !== value) problems.push(`${where}Environment.${name} is ${show(sent)}, expected '${value}': config.env does not reach the job`);
    } catch (error) {
      problems.push(`${where}no step could be created: ${errorMessage(error)}`);
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `Environment ${Object.keys(expected).length === 0 ? 'left out, as there are no variables' : JSON.stringify(expected)} as getEnvironmentVariables() gives; config.env reaches the job`,
    );
  },
});
