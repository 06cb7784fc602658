import type { CheckDefinition } from '../../check/check-definition.js';

export const level1Checks: readonly CheckDefinition[] = [];
