import { resolvePropertyPath, stepTypeVocabulary } from '@stepscore/sagemaker';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';

/** Outputs of these data types are locations or names: their path must end on a string. */
const STRING_DATA_TYPES = new Set(['S3Uri', 'String']);

export const propertyPathsExist = defineCheck({
  id: 'level2.property_paths_exist',
  level: 2,
  severity: 'blocker',
  appliesTo: 'all',
  title: "Every output's property path exists on the step type's real response shape",
  run(ctx) {
    const { spec, stepType } = ctx.registration;
    const shape = stepTypeVocabulary(stepType)?.responseShape;
    if (shape === undefined) return fail(`'${stepType}' is not a SageMaker step type, so its outputs have no response shape`);
    const problems: string[] = [];
    const resolved: Record<string, unknown> = {};
    for (const output of spec.outputs) {
      const path = output.propertyPath;
      const result = resolvePropertyPath(path, shape);
      resolved[output.logicalName] = { path, ...result };
      if (!result.ok) {
        const nearest = result.nearest.length > 0 ? `; nearest real members: ${result.nearest.join(', ')}` : '';
        problems.push(
          `Output '${output.logicalName}' has property path '${path}', which does not exist on ${shape}: it fails at '${result.failedAt}' (${result.reason})${nearest}`,
        );
      } else {
        const dataType = output.dataType ?? 'S3Uri';
        if (STRING_DATA_TYPES.has(dataType) && result.leafType !== 'string') {
          problems.push(
            `Output '${output.logicalName}' has data type ${dataType}, but its property path '${path}' ends on a ${result.leafType}${result.shapeName ? ` (${result.shapeName})` : ''}, not a string`,
          );
        }
      }
    }
    return outcomeFromProblems(problems, `${spec.outputs.length} output path(s) resolve on ${shape}`, { responseShape: shape, outputs: resolved });
  },
});
