import type { CheckDefinition } from '../../check/check-definition.js';
import { dependencyResolution } from './dependency-resolution.js';
import { dryRunExecution } from './dry-run-execution.js';
import { pipelineAssembly } from './pipeline-assembly.js';
import { pipelineRoundTrip } from './pipeline-round-trip.js';
import { propertyReferencesValid } from './property-references-valid.js';
import { wireRequest } from './wire-request.js';

export const level4Checks: readonly CheckDefinition[] = [
  dependencyResolution,
  pipelineAssembly,
  propertyReferencesValid,
  pipelineRoundTrip,
  dryRunExecution,
  wireRequest,
];
