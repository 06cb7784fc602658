import type { CheckDefinition } from '../../check/check-definition.js';
import { cacheConfig } from './cache-config.js';
import { checkpointConfig } from './checkpoint-config.js';
import { configurationValidity } from './configuration-validity.js';
import { dependenciesAttachment } from './dependencies-attachment.js';
import { environmentInRequest } from './environment-in-request.js';
import { frameworkHyperparameters } from './framework-hyperparameters.js';
import { generatedFilesUploaded } from './generated-files-uploaded.js';
import { inputChannelsMapped } from './input-channels-mapped.js';
import { jobArgumentsInRequest } from './job-arguments-in-request.js';
import { outputPath } from './output-path.js';
import { stepInstantiation } from './step-instantiation.js';
import { stepNameGeneration } from './step-name-generation.js';
import { trainingStepCreation } from './training-step-creation.js';

export const level3Checks: readonly CheckDefinition[] = [
  stepInstantiation,
  configurationValidity,
  dependenciesAttachment,
  stepNameGeneration,
  trainingStepCreation,
  inputChannelsMapped,
  outputPath,
  cacheConfig,
  frameworkHyperparameters,
  generatedFilesUploaded,
  environmentInRequest,
  checkpointConfig,
  jobArgumentsInRequest,
];
