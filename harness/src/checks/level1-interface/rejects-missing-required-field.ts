import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { type BadConfigCase, objectAt, rawConfigCopy, rejectionProblem } from './config-rejection.js';
import { baseRequiredFields, requiredFieldPaths } from './config-schema-fields.js';

function withoutField(path: string): BadConfigCase {
  const keys = path.split('.');
  const last = keys.pop() as string;
  return {
    field: path,
    description: `a config without '${path}'`,
    mutate: (config) => {
      const parent = objectAt(config, keys);
      if (parent) delete parent[last];
    },
  };
}

export const rejectsMissingRequiredField = defineCheck({
  id: 'level1.rejects_missing_required_field',
  level: 1,
  severity: 'major',
  importance: 1.0,
  appliesTo: 'all',
  title: 'The config schema refuses a config missing any required field, naming the field',
  run(ctx) {
    ctx.config(); // the unchanged config must be valid, so that a refusal is for the removed field
    const fromSchema = requiredFieldPaths(ctx.registration.configSchema, rawConfigCopy(ctx));
    // The base pipeline fields are required of every builder, even one whose schema forgot them.
    const fields = [...new Set([...fromSchema, ...baseRequiredFields()])];
    const problems = fields.map((field) => rejectionProblem(ctx, withoutField(field))).filter((p): p is string => p !== undefined);
    return outcomeFromProblems(problems, `each of ${fields.length} required fields is refused when missing: ${fields.join(', ')}`, { fields });
  },
});
