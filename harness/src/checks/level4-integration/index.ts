import type { CheckDefinition } from '../../check/check-definition.js';

export const level4Checks: readonly CheckDefinition[] = [];
