import { builderDefects } from './builder-defects.js';
import { configDefects } from './config-defects.js';
import { contractDefects } from './contract-defects.js';
import type { SeededDefect } from './defect.js';
import { specDefects } from './spec-defects.js';

/** Every seeded defect, by artefact: config schema and default config, contract, spec, builder code. */
export const DEFECT_CORPUS: readonly SeededDefect[] = [...configDefects, ...contractDefects, ...specDefects, ...builderDefects];
