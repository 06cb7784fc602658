import { type StepBuilderOptions, TransformStepBuilder } from '@stepscore/step-builder';
import type { BatchTransformConfig } from './config.js';
import { batchTransformSpecFor } from './spec.js';

/**
 * Builds a batch Transform step as the SDK's `TransformStep(transformer.transform(...))` does: the model named by an
 * upstream CreateModel step, the processed records split and assembled per the config, results in S3.
 */
export class BatchTransformStepBuilder extends TransformStepBuilder<BatchTransformConfig> {
  readonly modelNameInput = 'model_name';
  readonly dataInput = 'processed_data';
  readonly transformOutput = 'transform_output';

  constructor(config: BatchTransformConfig, options: StepBuilderOptions = {}) {
    super(config, batchTransformSpecFor(config.job_type), options);
  }
}
