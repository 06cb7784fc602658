import type { CheckDefinition } from '../../check/check-definition.js';
import { cacheConfig } from './cache-config.js';
import { checkpointConfig } from './checkpoint-config.js';
import { debuggerWithCheckpoints } from './debugger-with-checkpoints.js';
import { distributionHyperparameters } from './distribution-hyperparameters.js';
import { entryPoint } from './entry-point.js';
import { environmentInRequest } from './environment-in-request.js';
import { generatedFilesUploaded } from './generated-files-uploaded.js';
import { generatedInputContentType } from './generated-input-content-type.js';
import { hyperparametersEncoded } from './hyperparameters-encoded.js';
import { inputsMounted } from './inputs-mounted.js';
import { jobArgumentsInRequest } from './job-arguments-in-request.js';
import { metricsTimeSeries } from './metrics-time-series.js';
import { outputLocations } from './output-locations.js';
import { outputsCollected } from './outputs-collected.js';
import { processingOutputNames } from './processing-output-names.js';
import { regionAndImage } from './region-and-image.js';
import { requestMeetsServiceModel } from './request-meets-service-model.js';
import { settingsReachRequest } from './settings-reach-request.js';
import { sourceLocation } from './source-location.js';
import { stepCreated } from './step-created.js';
import { transformModelName } from './transform-model-name.js';

export const level3Checks: readonly CheckDefinition[] = [
  stepCreated,
  requestMeetsServiceModel,
  inputsMounted,
  outputsCollected,
  entryPoint,
  generatedFilesUploaded,
  generatedInputContentType,
  settingsReachRequest,
  regionAndImage,
  outputLocations,
  hyperparametersEncoded,
  distributionHyperparameters,
  sourceLocation,
  checkpointConfig,
  debuggerWithCheckpoints,
  metricsTimeSeries,
  environmentInRequest,
  jobArgumentsInRequest,
  cacheConfig,
  processingOutputNames,
  transformModelName,
];
