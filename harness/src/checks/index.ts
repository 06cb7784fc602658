import type { CheckDefinition } from '../check/check-definition.js';
import { level1Checks } from './level1-interface/index.js';
import { level2Checks } from './level2-specification/index.js';
import { level3Checks } from './level3-step-creation/index.js';
import { level4Checks } from './level4-integration/index.js';

/** Every check, in the order they run and are reported. */
export const ALL_CHECKS: readonly CheckDefinition[] = [...level1Checks, ...level2Checks, ...level3Checks, ...level4Checks];
