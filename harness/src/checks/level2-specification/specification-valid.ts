import { StepSpecification } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

export const specificationValid = defineCheck({
  id: 'level2.specification_valid',
  level: 2,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'The step specification is valid on its own',
  run(ctx) {
    const { errors } = StepSpecification.validate(ctx.registration.spec);
    return outcomeFromProblems(errors, `specification '${ctx.registration.spec.stepType}' is valid`, errors.length > 0 ? { errors } : undefined);
  },
});
