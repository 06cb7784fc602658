import { type ConstraintViolation, validateCreateTrainingJobRequest } from '@stepscore/sagemaker';
import { defineCheck, fail, pass } from '../../check/check-definition.js';

function describeViolation(violation: ConstraintViolation): string {
  const path = violation.path === '' ? 'the request' : violation.path;
  return violation.message.includes(path) ? violation.message : `${path}: ${violation.message}`;
}

export const configurationValidity = defineCheck({
  id: 'level3.configuration_validity',
  level: 3,
  severity: 'blocker',
  importance: 1.5,
  appliesTo: ['Training'],
  title: 'The step arguments meet the CreateTrainingJob constraints of the SageMaker service model',
  async run(ctx) {
    const step = await ctx.step();
    const jobName = ctx.builder().generateJobName();
    const request = { ...step.Arguments, TrainingJobName: jobName };
    const violations = validateCreateTrainingJobRequest(request);
    if (violations.length === 0) {
      return pass(`the CreateTrainingJob request (TrainingJobName '${jobName}') meets every constraint of the SageMaker service model`);
    }
    return fail(
      `SageMaker would reject ${ctx.registration.stepName}'s CreateTrainingJob request with ${violations.length} violation(s): ${violations.map(describeViolation).join(' ')}`,
      { trainingJobName: jobName, violations },
    );
  },
});
