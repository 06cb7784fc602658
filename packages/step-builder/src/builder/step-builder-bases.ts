import type { StepTypeName } from '@stepscore/sagemaker';
import { CreateModelStepBuilder } from './create-model-step-builder.js';
import { ProcessingStepBuilder } from './processing-step-builder.js';
import type { StepBuilderBase } from './step-builder-base.js';
import { TrainingStepBuilder } from './training-step-builder.js';
import { TransformStepBuilder } from './transform-step-builder.js';

/** The base class a builder of each step type extends. */
export const STEP_BUILDER_BASES: Readonly<Record<StepTypeName, abstract new (...args: never[]) => StepBuilderBase>> = {
  Training: TrainingStepBuilder,
  Processing: ProcessingStepBuilder,
  Transform: TransformStepBuilder,
  CreateModel: CreateModelStepBuilder,
};
