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

  override validateConfiguration(): void {
    super.validateConfiguration();
    if (this.usesInferenceScript() && !this.config.source_dir) {
      throw new Error('XGBoostModelConfig missing required attribute: source_dir (needed with inference_entry_point)');
    }
  }

  getSubmitDirectory(): string {
    if (!this.config.source_dir) throw new Error('XGBoostModel has no source_dir: it serves the model without an inference script');
    return this.config.source_dir;
  }
}
