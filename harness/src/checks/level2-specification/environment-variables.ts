import type { BasePipelineConfig } from '@stepscore/step-builder';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import type { CheckContext } from '../../context/check-context.js';
import { errorMessage } from '../../error-message.js';
import { configValueFor, envOverrides } from './config-value.js';

const shown = (value: string | undefined): string => (value === undefined ? 'missing' : `'${value}'`);

function expectedVariables(ctx: CheckContext, config: BasePipelineConfig): { name: string; expected: string | undefined; source: string }[] {
  const { requiredEnvVars = [], optionalEnvVars = {} } = ctx.registration.contract ?? {};
  const overrides = envOverrides(config);
  const required = requiredEnvVars.map((name) => ({
    name,
    expected: overrides[name] ?? configValueFor(config, name),
    source: overrides[name] !== undefined ? 'config.env' : `the config's ${name.toLowerCase()}`,
  }));
  const optional = Object.entries(optionalEnvVars).map(([name, fallback]) => {
    const fromConfig = overrides[name] ?? configValueFor(config, name);
    return { name, expected: fromConfig ?? fallback, source: fromConfig === undefined ? 'contract default' : 'config' };
  });
  return [...required, ...optional];
}

export const environmentVariables = defineCheck({
  id: 'level2.environment_variables',
  level: 2,
  severity: 'major',
  appliesTo: 'all',
  title: "Environment variables follow the script contract, with the config's values and overrides",
  run(ctx) {
    const config = ctx.config();
    const builder = ctx.builder();
    let env: Record<string, string>;
    try {
      env = builder.getEnvironmentVariables();
    } catch (error) {
      return fail(`getEnvironmentVariables() threw: ${errorMessage(error)}`);
    }
    const problems: string[] = [];
    const expected = expectedVariables(ctx, config);
    for (const { name, expected: value, source } of expected) {
      if (value === undefined) {
        problems.push(
          `Environment variable ${name} is required by the contract, but the config provides no value (set '${name.toLowerCase()}' or env.${name})`,
        );
      } else if (env[name] !== value) {
        problems.push(`Environment variable ${name}: expected '${value}' (from ${source}), found ${shown(env[name])}`);
      }
    }
    return outcomeFromProblems(
      problems,
      `${expected.length} contract variable(s) carry the expected values`,
      problems.length > 0 ? { expected, found: env } : undefined,
    );
  },
});
