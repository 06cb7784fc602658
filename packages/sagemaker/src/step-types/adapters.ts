// The adapter of each step type, found by registration type or pipeline `Type`.

import { createModelAdapter } from './create-model-adapter.js';
import { processingAdapter } from './processing-adapter.js';
import type { StepTypeAdapter } from './step-adapter.js';
import { trainingAdapter } from './training-adapter.js';
import { transformAdapter, type TransformStepAdapter } from './transform-adapter.js';
import { stepTypeVocabulary, type StepTypeName } from './vocabulary.js';

export const STEP_TYPE_ADAPTERS: Readonly<Record<StepTypeName, StepTypeAdapter>> = {
  Training: trainingAdapter,
  Processing: processingAdapter,
  Transform: transformAdapter,
  CreateModel: createModelAdapter,
};

/** The adapter for a registration type or a pipeline `Type` (`Model` → CreateModel); undefined for any other. */
export function adapterFor(type: 'Transform'): TransformStepAdapter;
export function adapterFor(type: string): StepTypeAdapter | undefined;
export function adapterFor(type: string): StepTypeAdapter | undefined {
  const vocabulary = stepTypeVocabulary(type);
  return vocabulary === undefined ? undefined : STEP_TYPE_ADAPTERS[vocabulary.stepType];
}
