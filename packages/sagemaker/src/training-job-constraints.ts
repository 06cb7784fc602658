// The Training-only entry points that predate service-constraints.ts, kept as thin
// wrappers over it.

import { serviceConstraints, validateCreateRequest, validateStepArguments } from './service-constraints.js';
import type { ConstraintViolation } from './shape-validator.js';

export type { ConstraintRule, ConstraintViolation } from './shape-validator.js';
export { trainingInstanceTypes, validateStepName } from './service-constraints.js';

/** The whole generated model; it holds CreateTrainingJobRequest among the other request shapes. */
export const trainingJobConstraints = serviceConstraints;

export function validateCreateTrainingJobRequest(request: unknown): ConstraintViolation[] {
  return validateCreateRequest('Training', request);
}

/** `validateStepArguments('Training', args)`. */
export function validateTrainingStepArguments(args: unknown): ConstraintViolation[] {
  return validateStepArguments('Training', args);
}
