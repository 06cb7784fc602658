import { ConfigValidationError, parseBuilderConfig } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import type { InvalidConfigProbe } from '../../scenarios/scenario.js';

/** undefined when the probe is refused with an error naming its field; otherwise what went wrong. */
function rejectionProblem(parse: (raw: unknown) => unknown, probe: InvalidConfigProbe): string | undefined {
  try {
    parse(probe.rawConfig);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) {
      return `with ${probe.description}, the schema threw ${error instanceof Error ? error.name : typeof error} ("${errorMessage(error)}") instead of an error naming '${probe.field}'`;
    }
    if (error.issues.some((issue) => issue.field === probe.field || issue.field.startsWith(`${probe.field}.`))) return undefined;
    return `with ${probe.description}, the config was refused but no issue names '${probe.field}' (issues: ${error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')})`;
  }
  return `the schema accepted ${probe.description}`;
}

export const invalidConfigsRejected = defineCheck({
  id: 'level1.invalid_configs_rejected',
  level: 1,
  severity: 'major',
  appliesTo: 'all',
  title: 'Each config that breaks a rule of the schema is refused with an error naming the field',
  run(ctx) {
    const probes = ctx.invalidConfigProbes();
    const parse = (raw: unknown) => parseBuilderConfig(ctx.registration, raw);
    const problems = probes.flatMap((p) => rejectionProblem(parse, p) ?? []);
    return outcomeFromProblems(problems, `${probes.length} invalid config(s) refused, each naming its field`, problems.length > 1 ? { problems } : undefined);
  },
});
