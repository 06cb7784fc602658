// CreateTrainingJob request checks against the constraints generated from botocore's
// SageMaker model (regenerate with `pnpm generate:constraints`).

import type { ConstraintModel } from './constraint-model.js';
import generated from './generated/create-training-job-constraints.json' with { type: 'json' };
import { validateShape, type ConstraintViolation } from './shape-validator.js';

export type { ConstraintRule, ConstraintViolation } from './shape-validator.js';

export const trainingJobConstraints = generated as ConstraintModel;

export function validateCreateTrainingJobRequest(request: unknown): ConstraintViolation[] {
  return validateShape(trainingJobConstraints, 'CreateTrainingJobRequest', request);
}

/**
 * The `Arguments` of a pipeline Training step: a CreateTrainingJob request without
 * TrainingJobName, which SageMaker Pipelines fills in when it starts the job.
 */
export function validateTrainingStepArguments(args: unknown): ConstraintViolation[] {
  return validateShape(trainingJobConstraints, 'CreateTrainingJobRequest', args, '', { optionalAtTop: ['TrainingJobName'] });
}

export function validateStepName(name: unknown, path = 'Name'): ConstraintViolation[] {
  return validateShape(trainingJobConstraints, 'StepName', name, path);
}

export function trainingInstanceTypes(): string[] {
  return [...(trainingJobConstraints.shapes['TrainingInstanceType']?.enum ?? [])];
}
