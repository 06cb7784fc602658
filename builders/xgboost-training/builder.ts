import { encodeBuiltInHyperparameters, type EncodedHyperparameters } from '@stepscore/sagemaker';
import {
  channelsForInput,
  joinS3,
  type PipelineValue,
  type StepBuilderOptions,
  type TrainingChannel,
  TrainingStepBuilder,
  withoutFieldLists,
} from '@stepscore/step-builder';
import { DependencyType } from '@stepscore/step-model';
import { XGBOOST_SCRIPT_DEFAULTS, type XGBoostTrainingConfig } from './config.js';
import { xgboostTrainingSpec } from './spec.js';

const HYPERPARAMETERS_INPUT = 'hyperparameters_s3_uri';
const HYPERPARAMETERS_FILE = 'hyperparameters.json';

/** The built-in algorithm's channels for the data root: its own names for the script's train/ and val/ folders. */
const BUILT_IN_CHANNELS = [
  ['train', 'train/'],
  ['validation', 'val/'],
] as const;

/**
 * Builds an XGBoost Training step. Framework (script) mode: train/val/test channels under `input_path`,
 * and a `config` channel holding hyperparameters.json — the upstream one when a dependency supplies it,
 * otherwise one this builder writes from the config. Built-in mode: SageMaker's XGBoost algorithm with
 * train/validation channels and the hyperparameters on the step as strings.
 */
export class XGBoostTrainingStepBuilder extends TrainingStepBuilder<XGBoostTrainingConfig> {
  readonly framework = 'xgboost' as const;

  constructor(config: XGBoostTrainingConfig, options: StepBuilderOptions = {}) {
    super(config, xgboostTrainingSpec, options);
  }

  protected override runsScript(): boolean {
    return this.config.algorithm_mode !== 'builtin';
  }

  async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
    const contentType = this.config.input_content_type;
    const withContentType = (channel: TrainingChannel): TrainingChannel =>
      contentType === undefined || channel.ChannelName === 'config' ? channel : { ...channel, ContentType: contentType };
    if (!this.runsScript()) {
      // The built-in algorithm reads data channels only: every dependency but a hyperparameters file.
      return [...this.spec.dependencies.values()]
        .filter((dep) => dep.dependencyType !== DependencyType.HYPERPARAMETERS)
        .flatMap((dep) =>
          channelsForInput(dep, inputs[dep.logicalName], this.contract, {
            wholeDataRoot: (uri) => BUILT_IN_CHANNELS.map(([name, folder]) => [name, joinS3(uri, folder)] as const),
          }),
        )
        .map(withContentType);
    }
    const withHyperparameters: Record<string, PipelineValue | undefined> = {
      ...inputs,
      [HYPERPARAMETERS_INPUT]: inputs[HYPERPARAMETERS_INPUT] ?? (await this.writeHyperparametersFile()),
    };
    return [...this.spec.dependencies.values()]
      .flatMap((dep) =>
        channelsForInput(dep, withHyperparameters[dep.logicalName], this.contract, {
          wholeDataRoot: (uri) => ['train', 'val', 'test'].map((split) => [split, joinS3(uri, `${split}/`)] as const),
        }),
      )
      .map(withContentType);
  }

  /**
   * Framework mode: only the framework's own (the model's travel in hyperparameters.json); built-in: the model's, as
   * `str()`, without the field lists, which the algorithm refuses ("Extraneous hyperparameter found").
   */
  getHyperparameters(): EncodedHyperparameters {
    if (!this.runsScript()) return encodeBuiltInHyperparameters(withoutFieldLists(this.config.hyperparameters));
    return this.frameworkHyperparameters();
  }

  /**
   * Where the generated hyperparameters.json goes: the configured URI, or below the pipeline's S3 location in a
   * folder of this step's own, so that two steps of this builder in one pipeline do not share one file.
   */
  hyperparametersFileUri(): string {
    const configured = this.config.hyperparameters_s3_uri?.replace(/\/+$/, '');
    if (configured) return configured.endsWith(`/${HYPERPARAMETERS_FILE}`) ? configured : `${configured}/${HYPERPARAMETERS_FILE}`;
    return `${this.config.pipeline_s3_loc}/training_config/${this.getStepName()}/${HYPERPARAMETERS_FILE}`;
  }

  /** The script's settings: its defaults, what the class list implies, then what the config sets (which wins). */
  hyperparametersFileContent(): Record<string, unknown> {
    const hp = { ...XGBOOST_SCRIPT_DEFAULTS, ...this.config.hyperparameters };
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
    return { ...hp, ...derived, ...this.config.hyperparameters };
  }

  private async writeHyperparametersFile(): Promise<string> {
    const uri = this.hyperparametersFileUri();
    await this.artifactStore.put(uri, `${JSON.stringify(this.hyperparametersFileContent(), null, 2)}\n`, 'application/json');
    return uri;
  }
}
