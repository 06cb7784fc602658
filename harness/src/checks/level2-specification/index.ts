import type { CheckDefinition } from '../../check/check-definition.js';

export const level2Checks: readonly CheckDefinition[] = [];
