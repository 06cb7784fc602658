import type { CheckDefinition } from '../../check/check-definition.js';
import { inheritance } from './inheritance.js';
import { methodResultTypes } from './method-result-types.js';
import { namingConventions } from './naming-conventions.js';
import { registryIntegration } from './registry-integration.js';
import { rejectsCountBelowOne } from './rejects-count-below-one.js';
import { rejectsLabelNotInFieldList } from './rejects-label-not-in-field-list.js';
import { rejectsMissingRequiredField } from './rejects-missing-required-field.js';
import { rejectsValueOutsideAllowList } from './rejects-value-outside-allow-list.js';
import { requiredMethods } from './required-methods.js';
import { validConfigAccepted } from './valid-config-accepted.js';
import { validateConfigurationNamesMissingSetting } from './validate-configuration-names-missing-setting.js';

export const level1Checks: readonly CheckDefinition[] = [
  inheritance,
  requiredMethods,
  namingConventions,
  registryIntegration,
  validConfigAccepted,
  rejectsMissingRequiredField,
  rejectsValueOutsideAllowList,
  rejectsCountBelowOne,
  rejectsLabelNotInFieldList,
  validateConfigurationNamesMissingSetting,
  methodResultTypes,
];
