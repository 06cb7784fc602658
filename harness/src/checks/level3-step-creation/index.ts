import type { CheckDefinition } from '../../check/check-definition.js';

export const level3Checks: readonly CheckDefinition[] = [];
