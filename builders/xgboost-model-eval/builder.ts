import { retrieveImageUri } from '@stepscore/sagemaker';
import { frameworkProcessorCode, type ProcessingCode, ProcessingStepBuilder, type PropertyFile, type StepBuilderOptions } from '@stepscore/step-builder';
import type { XGBoostModelEvalConfig } from './config.js';
import { xgboostModelEvalSpec } from './spec.js';

/**
 * Builds the evaluation step as the SDK's XGBoostProcessor (a FrameworkProcessor) does: the source bundle mounted as
 * input `code`, a launcher uploaded and mounted as input `entrypoint`, the model and the data at the contract's paths.
 */
export class XGBoostModelEvalStepBuilder extends ProcessingStepBuilder<XGBoostModelEvalConfig> {
  constructor(config: XGBoostModelEvalConfig, options: StepBuilderOptions = {}) {
    super(config, xgboostModelEvalSpec, options);
  }

  getImageUri(): string {
    return retrieveImageUri({
      framework: 'xgboost',
      scope: 'processing',
      version: this.config.processing_framework_version,
      instanceType: this.config.processing_instance_type,
      region: this.awsRegion,
    });
  }

  /** metrics.json, so that a condition step can read the metrics (`JsonGet` on EvaluationReport). */
  override getPropertyFiles(): PropertyFile[] {
    return [{ PropertyFileName: 'EvaluationReport', OutputName: 'metrics_output', FilePath: 'metrics.json' }];
  }

  protected async getCode(): Promise<ProcessingCode> {
    return frameworkProcessorCode({
      sourceDir: this.config.processing_source_dir,
      entryPoint: this.config.processing_entry_point,
      command: ['python'],
      bucket: this.config.bucket,
      pipelineName: this.config.pipeline_name,
      artifactStore: this.artifactStore,
    });
  }
}
