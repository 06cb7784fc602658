import type { EncodedHyperparameters } from '@stepscore/sagemaker';
import {
  channelsForInput,
  joinS3,
  type PipelineValue,
  type StepBuilderOptions,
  type TrainingChannel,
  TrainingStepBuilder,
} from '@stepscore/step-builder';
import type { XGBoostTrainingConfig } from './config.js';
import { xgboostTrainingSpec } from './spec.js';

const HYPERPARAMETERS_INPUT = 'hyperparameters_s3_uri';
const HYPERPARAMETERS_FILE = 'hyperparameters.json';

/**
 * Builds an XGBoost framework (script mode) Training step: train/val/test channels under `input_path`,
 * and a `config` channel holding hyperparameters.json — the upstream one when a dependency supplies it,
 * otherwise one this builder writes from the config.
 */
export class XGBoostTrainingStepBuilder extends TrainingStepBuilder<XGBoostTrainingConfig> {
  readonly framework = 'xgboost' as const;

  constructor(config: XGBoostTrainingConfig, options: StepBuilderOptions = {}) {
    super(config, xgboostTrainingSpec, options);
  }

  async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
    const withHyperparameters: Record<string, PipelineValue | undefined> = { ...inputs, [HYPERPARAMETERS_INPUT]: inputs[HYPERPARAMETERS_INPUT] ?? (await this.writeHyperparametersFile()) };
    return [...this.spec.dependencies.values()].flatMap((dep) =>
      channelsForInput(dep, withHyperparameters[dep.logicalName], this.contract, {
        wholeDataRoot: (uri) => ['train', 'val', 'test'].map((split) => [split, joinS3(uri, `${split}/`)] as const),
      }),
    );
  }

  /** Only the framework's own hyperparameters: the model's travel in hyperparameters.json. */
  getHyperparameters(): EncodedHyperparameters {
    return this.frameworkHyperparameters();
  }

  /** Where the generated hyperparameters.json goes: the configured URI, or below the pipeline's S3 location. */
  hyperparametersFileUri(): string {
    const configured = this.config.hyperparameters_s3_uri?.replace(/\/+$/, '');
    if (configured) return configured.endsWith(`/${HYPERPARAMETERS_FILE}`) ? configured : `${configured}/${HYPERPARAMETERS_FILE}`;
    return `${this.config.pipeline_s3_loc}/training_config/${HYPERPARAMETERS_FILE}`;
  }

  hyperparametersFileContent(): Record<string, unknown> {
    const hp = this.config.hyperparameters;
    const categories = (hp['multiclass_categories'] as unknown[] | undefined) ?? [];
    const derived =
      categories.length > 0
        ? {
            num_classes: categories.length,
            is_binary: categories.length === 2,
            objective: categories.length === 2 ? 'binary:logistic' : 'multi:softmax',
            eval_metric: categories.length === 2 ? ['logloss', 'auc'] : ['mlogloss', 'merror'],
            input_tab_dim: ((hp['tab_field_list'] as unknown[] | undefined) ?? []).length,
          }
        : {};
    return { ...hp, ...derived };
  }

  private async writeHyperparametersFile(): Promise<string> {
    const uri = this.hyperparametersFileUri();
    await this.artifactStore.put(uri, `${JSON.stringify(this.hyperparametersFileContent(), null, 2)}\n`, 'application/json');
    return uri;
  }
}
