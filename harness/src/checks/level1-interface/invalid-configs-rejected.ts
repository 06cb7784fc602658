import { type ConfigParse, ConfigValidationError, tryParseBuilderConfig } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { fieldRefuses } from '../../scenarios/config-fields.js';
import type { InvalidConfigProbe } from '../../scenarios/scenario.js';

/** undefined when the probe is refused with an error naming its field; otherwise what went wrong. */
function rejectionProblem(parse: (raw: unknown) => ConfigParse<unknown>, probe: InvalidConfigProbe): string | undefined {
  let result: ConfigParse<unknown>;
  try {
    result = parse(probe.rawConfig);
  } catch (error) {
    // A schema may itself refuse through a ConfigValidationError (a nested config's parse): a refusal all the same.
    if (error instanceof ConfigValidationError) result = { ok: false, issues: [...error.issues] };
    else
      return `with ${probe.description}, the schema threw ${error instanceof Error ? error.name : typeof error} ("${errorMessage(error)}") instead of an error naming '${probe.field}'`;
  }
  if (result.ok) return `the schema accepted ${probe.description}`;
  if (result.issues.some((issue) => issue.field === probe.field || issue.field.startsWith(`${probe.field}.`))) return undefined;
  return `with ${probe.description}, the config was refused but no issue names '${probe.field}' (issues: ${result.issues.map((i) => `${i.field}: ${i.message}`).join('; ')})`;
}

export const invalidConfigsRejected = defineCheck({
  id: 'level1.invalid_configs_rejected',
  level: 1,
  severity: 'major',
  appliesTo: 'all',
  title: 'Each config that breaks a rule of the schema is refused with an error naming the field',
  run(ctx) {
    const probes = ctx.invalidConfigProbes();
    const parse = (raw: unknown) => tryParseBuilderConfig(ctx.registration, raw);
    const schema = ctx.registration.configSchema;
    // A probe whose field's own schema refuses it, naming the probed field, is refused so by the whole config schema
    // (a scalar's verdict is kept across builders): only the other probes need a whole parse.
    const problems = probes.flatMap((p) => (fieldRefuses(schema, p.rawConfig, p.field) ? [] : (rejectionProblem(parse, p) ?? [])));
    return outcomeFromProblems(problems, `${probes.length} invalid config(s) refused, each naming its field`, problems.length > 1 ? { problems } : undefined);
  },
});
