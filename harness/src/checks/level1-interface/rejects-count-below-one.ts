import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { type BadConfigCase, rejectionProblem } from './config-rejection.js';
import { objectShapeOf } from './config-schema-fields.js';

/** Counts and sizes SageMaker needs to be at least 1. */
const AT_LEAST_ONE = ['training_instance_count', 'training_volume_size'] as const;

export const rejectsCountBelowOne = defineCheck({
  id: 'level1.rejects_count_below_one',
  level: 1,
  severity: 'major',
  importance: 1.0,
  appliesTo: 'all',
  title: 'The config schema refuses an instance count or volume size below 1, naming the field',
  run(ctx) {
    ctx.config(); // the unchanged config must be valid, so that a refusal is for the changed field
    const shape = objectShapeOf(ctx.registration.configSchema);
    const fields = AT_LEAST_ONE.filter((field) => !shape || field in shape);
    if (fields.length === 0) return notApplicable(`the ${ctx.registration.stepName} config has no ${AT_LEAST_ONE.join(' or ')}`);
    const cases: BadConfigCase[] = fields.map((field) => ({
      field,
      description: `${field} = 0`,
      mutate: (config) => {
        config[field] = 0;
      },
    }));
    const problems = cases.map((c) => rejectionProblem(ctx, c)).filter((p): p is string => p !== undefined);
    return outcomeFromProblems(problems, `refused ${cases.map((c) => c.description).join(' and ')}`);
  },
});
