import { CreateModelStepBuilder, type StepBuilderOptions } from '@stepscore/step-builder';
import type { XGBoostModelConfig } from './config.js';
import { xgboostModelSpec } from './spec.js';

/**
 * Builds the `<name>-CreateModel` step of an XGBoost model as the SDK does: the XGBoost image, and in script mode
 * the inference script run from the S3 `source_dir` (XGBoost models are not repacked); without a script, the
 * container serves the model itself and the environment is only `config.env`.
 */
export class XGBoostModelStepBuilder extends CreateModelStepBuilder<XGBoostModelConfig> {
  readonly framework = 'xgboost' as const;

  constructor(config: XGBoostModelConfig, options: StepBuilderOptions = {}) {
    super(config, xgboostModelSpec, options);
  }

  // Stryker disable next-line BlockStatement: equivalent; for every config the schema accepts, neither this guard nor the base's (MODEL_SETTINGS are required fields, the spec has no contract) throws
  override validateConfiguration(): void {
    super.validateConfiguration();
    // Stryker disable next-line BlockStatement: unreachable; the schema refuses inference_entry_point without source_dir
    if (this.usesInferenceScript() && !this.config.source_dir) {
      // Stryker disable next-line StringLiteral: unreachable; the schema refuses inference_entry_point without source_dir
      throw new Error('XGBoostModelConfig missing required attribute: source_dir (needed with inference_entry_point)');
    }
  }

  getSubmitDirectory(): string {
    // Stryker disable next-line StringLiteral: unreachable; the base asks for the submit directory in script mode only, where the schema requires source_dir
    if (!this.config.source_dir) throw new Error('XGBoostModel has no source_dir: it serves the model without an inference script');
    return this.config.source_dir;
  }
}
