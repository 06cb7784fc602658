// Request checks for every step type, against the constraints generated from botocore's
// SageMaker model (src/generated/service-constraints.json; regenerate with
// `pnpm generate:constraints`), plus the limits the model does not carry (service-limits.ts).

import type { ConstraintModel } from './constraint-model.js';
import generated from './generated/service-constraints.json' with { type: 'json' };
import { serviceLimitViolations } from './service-limits.js';
import { validateShape, type ConstraintViolation } from './shape-validator.js';
import { STEP_TYPES, type PipelineStepType, type StepTypeName } from './step-types/vocabulary.js';

export const serviceConstraints = generated as ConstraintModel;

/**
 * A step's `Arguments` as emitted: its type's Create* request without the job-name member,
 * which SageMaker Pipelines fills in. A pipeline expression where a single value goes is
 * decided at run time and passes. `stepType` is a registration type or a pipeline `Type`
 * (`Model`). Returns the violations of the service model's shapes first, then those of the
 * limits the model does not carry (`serviceLimitViolations`).
 */
export function validateStepArguments(stepType: StepTypeName | PipelineStepType, args: unknown): ConstraintViolation[] {
  const { stepType: registered, requestShape, jobNameMember } = vocabularyOf(stepType);
  return [...validateShape(serviceConstraints, requestShape, args, '', { optionalAtTop: [jobNameMember] }), ...serviceLimitViolations(registered, args)];
}

/** A complete Create* request of a step type (job-name member included), shapes and limits as above. */
export function validateCreateRequest(stepType: StepTypeName | PipelineStepType, request: unknown): ConstraintViolation[] {
  const { stepType: registered, requestShape } = vocabularyOf(stepType);
  return [...validateShape(serviceConstraints, requestShape, request), ...serviceLimitViolations(registered, request)];
}

// Both spellings of the CreateModel type are accepted: a step's pipeline `Type` is `Model`.
function vocabularyOf(stepType: StepTypeName | PipelineStepType) {
  return stepType === 'Model' ? STEP_TYPES.CreateModel : STEP_TYPES[stepType];
}

export function validateStepName(name: unknown, path = 'Name'): ConstraintViolation[] {
  return validateShape(serviceConstraints, 'StepName', name, path);
}

export function trainingInstanceTypes(): string[] {
  return enumOf('TrainingInstanceType');
}

export function processingInstanceTypes(): string[] {
  return enumOf('ProcessingInstanceType');
}

export function transformInstanceTypes(): string[] {
  return enumOf('TransformInstanceType');
}

function enumOf(shapeName: string): string[] {
  return [...(serviceConstraints.shapes[shapeName]?.enum ?? [])];
}
