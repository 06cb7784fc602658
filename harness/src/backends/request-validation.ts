import { type ConstraintViolation, stepTypeVocabulary, validateTrainingStepArguments } from '@stepscore/sagemaker';

// replaced by @stepscore/sagemaker validateStepArguments on merge
/**
 * The service-model constraints a step's Arguments (its create request without the job-name member) break.
 * `stepType` is a registration type or a pipeline `Type`. Until the constraints of every request shape are
 * generated, only Training Arguments are checked; the others pass through.
 */
export function validateStepArguments(stepType: string, args: unknown): ConstraintViolation[] {
  if (stepTypeVocabulary(stepType)?.stepType === 'Training') return validateTrainingStepArguments(args);
  return [];
}
