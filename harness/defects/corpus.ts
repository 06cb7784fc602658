import { builderDefects } from './builder-defects.js';
import { configDefects } from './config-defects.js';
import { contractDefects } from './contract-defects.js';
import { createModelDefects } from './create-model-defects.js';
import type { SeededDefect } from './defect.js';
import { processingDefects } from './processing-defects.js';
import { specDefects } from './spec-defects.js';
import { transformDefects } from './transform-defects.js';

/**
 * Every seeded defect: the Training builders' by artefact (config schema and default config, contract, spec,
 * builder code), then the Processing, Transform and CreateModel builders' by step type.
 */
export const DEFECT_CORPUS: readonly SeededDefect[] = [
  ...configDefects,
  ...contractDefects,
  ...specDefects,
  ...builderDefects,
  ...processingDefects,
  ...transformDefects,
  ...createModelDefects,
];
