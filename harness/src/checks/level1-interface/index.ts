import type { CheckDefinition } from '../../check/check-definition.js';
import { inheritance } from './inheritance.js';
import { invalidConfigsRejected } from './invalid-configs-rejected.js';
import { methodResultTypes } from './method-result-types.js';
import { namingConventions } from './naming-conventions.js';
import { registryIntegration } from './registry-integration.js';
import { requiredMethods } from './required-methods.js';
import { validScenariosAccepted } from './valid-scenarios-accepted.js';

export const level1Checks: readonly CheckDefinition[] = [
  inheritance,
  requiredMethods,
  namingConventions,
  registryIntegration,
  validScenariosAccepted,
  invalidConfigsRejected,
  methodResultTypes,
];
