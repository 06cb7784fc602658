import { KNOWN_DATA_TYPES } from '@stepscore/dependency-resolver';
import { StepSpecification, type StepSpecificationInput } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

/** A data type the resolver cannot compare matches no producer's type, so the dependency falls back on names alone. */
function unknownDataTypes(spec: StepSpecificationInput): string[] {
  const declared = [
    ...(spec.dependencies ?? []).map((d) => ({ kind: 'dependency', name: d.logicalName, dataType: d.dataType })),
    ...(spec.outputs ?? []).map((o) => ({ kind: 'output', name: o.logicalName, dataType: o.dataType })),
  ];
  return declared
    .filter((d) => d.dataType !== undefined && !KNOWN_DATA_TYPES.includes(d.dataType))
    .map((d) => `${d.kind} '${d.name}' declares data type '${d.dataType}', not one of ${KNOWN_DATA_TYPES.join(', ')}`);
}

export const specificationValid = defineCheck({
  id: 'level2.specification_valid',
  level: 2,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'The step specification is valid on its own',
  run(ctx) {
    const { errors } = StepSpecification.validate(ctx.registration.spec);
    const problems = [...errors, ...unknownDataTypes(ctx.registration.spec)];
    return outcomeFromProblems(problems, `specification '${ctx.registration.spec.stepType}' is valid`, problems.length > 0 ? { errors: problems } : undefined);
  },
});
