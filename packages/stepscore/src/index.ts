// stepscore's public API: what a project's stepscore.config.ts, builders and own checks import.
//   import { defineConfig, defineBuilder, TrainingStepBuilder, trainingConfigShape, z } from 'stepscore';
// The vitest helper is `stepscore/vitest`, the score-table reporter `stepscore/vitest/reporter`.

// The config file, a team's own checks, ratings and the CLI (runCli and its CliIo).
export * from '@stepscore/harness';

// Builders: defineBuilder, the registry, the builder bases and the config helpers of each step type.
export * from '@stepscore/step-builder';

// The step model: specifications, dependency and output specs, script contracts, property references.
export * from '@stepscore/step-model';

// SageMaker knowledge a builder uses: image URIs, framework hyperparameters, Python-compatible JSON.
export {
  retrieveTrainingImageUri,
  knownTrainingVersions,
  trainingInstanceTypes,
  frameworkHyperparameters,
  encodeHyperparameters,
  pythonJsonDumps,
  type EncodedHyperparameters,
} from '@stepscore/sagemaker';

// All of the SageMaker knowledge package, for what is not named above.
export * as sagemaker from '@stepscore/sagemaker';

// The zod the config helpers are built with, so that a builder's schema extends them with the same copy.
export { z } from 'zod';
