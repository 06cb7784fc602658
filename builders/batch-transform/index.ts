import { defineBuilder } from '@stepscore/step-builder';
import { BatchTransformStepBuilder } from './builder.js';
import { batchTransformConfigSchema, type BatchTransformConfig } from './config.js';
import { batchTransformContract } from './contract.js';
import { batchTransformDefaultConfig } from './default-config.js';
import { batchTransformSpec, batchTransformSpecFor } from './spec.js';

export {
  BatchTransformStepBuilder,
  batchTransformConfigSchema,
  batchTransformContract,
  batchTransformSpec,
  batchTransformSpecFor,
  batchTransformDefaultConfig,
};
export type { BatchTransformConfig };

export const batchTransform = defineBuilder<BatchTransformConfig>({
  stepName: 'BatchTransform',
  stepType: 'Transform',
  framework: 'generic',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: "Batch transform of processed records with an upstream model step's ModelName; output always in S3",
  builderClass: BatchTransformStepBuilder,
  configSchema: batchTransformConfigSchema,
  spec: batchTransformSpec,
  contract: batchTransformContract,
  defaultConfig: batchTransformDefaultConfig,
});
