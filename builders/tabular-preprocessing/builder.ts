import { retrieveImageUri } from '@stepscore/sagemaker';
import { type ProcessingCode, ProcessingStepBuilder, scriptProcessorCode, type StepBuilderOptions } from '@stepscore/step-builder';
import type { TabularPreprocessingConfig } from './config.js';
import { tabularPreprocessingSpecFor } from './spec.js';

/**
 * Builds the preprocessing step as the SDK's SKLearnProcessor does: the script file mounted as input `code` and run
 * with python3, the data at the contract's path, one output per split folder, `--job_type` from the config.
 */
export class TabularPreprocessingStepBuilder extends ProcessingStepBuilder<TabularPreprocessingConfig> {
  constructor(config: TabularPreprocessingConfig, options: StepBuilderOptions = {}) {
    super(config, tabularPreprocessingSpecFor(config.job_type), options);
  }

  getImageUri(): string {
    return retrieveImageUri({
      framework: 'sklearn',
      scope: 'processing',
      version: this.config.processing_framework_version,
      instanceType: this.config.processing_instance_type,
      region: this.awsRegion,
    });
  }

  /** `<source dir>/<entry point>`: the script's own S3 location. */
  getScriptUri(): string {
    return `${this.config.processing_source_dir.replace(/\/+$/, '')}/${this.config.processing_entry_point}`;
  }

  protected async getCode(): Promise<ProcessingCode> {
    return scriptProcessorCode(this.getScriptUri());
  }
}
