import type { CheckDefinition } from '../../check/check-definition.js';
import { contractAlignment } from './contract-alignment.js';
import { contractPathsLegal } from './contract-paths-legal.js';
import { distinctOutputPaths } from './distinct-output-paths.js';
import { environmentVariables } from './environment-variables.js';
import { frameworkVersionKnown } from './framework-version-known.js';
import { hyperparametersLegal } from './hyperparameters-legal.js';
import { jobArguments } from './job-arguments.js';
import { propertyPathsExist } from './property-paths-exist.js';
import { specificationLists } from './specification-lists.js';
import { specificationValid } from './specification-valid.js';

export const level2Checks: readonly CheckDefinition[] = [
  specificationValid,
  specificationLists,
  contractAlignment,
  contractPathsLegal,
  environmentVariables,
  jobArguments,
  propertyPathsExist,
  distinctOutputPaths,
  hyperparametersLegal,
  frameworkVersionKnown,
];
