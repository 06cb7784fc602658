import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { type BadConfigCase, rejectionProblem } from './config-rejection.js';
import { objectShapeOf } from './config-schema-fields.js';

/** Fields whose values come from a fixed list, with a value outside it. */
const OUTSIDE_VALUES: readonly { readonly field: string; readonly value: string }[] = [
  { field: 'training_instance_type', value: 'ml.not-a-type.xlarge' },
  { field: 'region', value: 'XX' },
];

export const rejectsValueOutsideAllowList = defineCheck({
  id: 'level1.rejects_value_outside_allow_list',
  level: 1,
  severity: 'major',
  importance: 1.0,
  appliesTo: 'all',
  title: 'The config schema refuses a value outside an allow-list (instance type, region), naming the field',
  run(ctx) {
    ctx.config(); // the unchanged config must be valid, so that a refusal is for the changed field
    const shape = objectShapeOf(ctx.registration.configSchema);
    const cases: BadConfigCase[] = OUTSIDE_VALUES.filter(({ field }) => !shape || field in shape).map(({ field, value }) => ({
      field,
      description: `${field} = ${JSON.stringify(value)}`,
      mutate: (config) => {
        config[field] = value;
      },
    }));
    if (cases.length === 0) {
      return notApplicable(`the ${ctx.registration.stepName} config has none of the allow-listed fields ${OUTSIDE_VALUES.map((v) => v.field).join(', ')}`);
    }
    const problems = cases.map((c) => rejectionProblem(ctx, c)).filter((p): p is string => p !== undefined);
    return outcomeFromProblems(problems, `refused ${cases.map((c) => c.description).join(' and ')}`);
  },
});
