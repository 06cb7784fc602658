import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

/** `properties.A['x'].B` and `properties.A["x"].B` name the same member. */
function canonical(path: string): string {
  return path.replace(/\["([^"]*)"\]/g, "['$1']").replace(/^properties\./, '');
}

export const distinctOutputPaths = defineCheck({
  id: 'level2.distinct_output_paths',
  level: 2,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'Outputs of distinct logical names resolve to distinct values (distinct property paths)',
  run(ctx) {
    const byPath = new Map<string, string[]>();
    for (const output of ctx.registration.spec.outputs) {
      const key = canonical(output.propertyPath);
      byPath.set(key, [...(byPath.get(key) ?? []), output.logicalName]);
    }
    const problems = [...byPath]
      .filter(([, names]) => names.length > 1)
      .map(
        ([path, names]) =>
          `outputs ${names.map((n) => `'${n}'`).join(' and ')} share the property path '${path}', so a consumer of one receives the other's data`,
      );
    return outcomeFromProblems(problems, `${ctx.registration.spec.outputs.length} output(s), each with a property path of its own`);
  },
});
