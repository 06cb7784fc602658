import { encodeHyperparameters, type EncodedHyperparameters } from '@stepscore/sagemaker';
import {
  type PipelineValue,
  type StepBuilderOptions,
  type TrainingChannel,
  type TrainingStepArguments,
  TrainingStepBuilder,
  channelsForInput,
} from '@stepscore/step-builder';
import type { PyTorchTrainingConfig } from './config.js';
import { pytorchTrainingSpec } from './spec.js';

/**
 * Builds a PyTorch framework Training step: one `data` channel fed by `input_path` (the script finds
 * train/val/test below it), the user's hyperparameters on the step, checkpoints through CheckpointConfig.
 */
export class PyTorchTrainingStepBuilder extends TrainingStepBuilder<PyTorchTrainingConfig> {
  readonly framework = 'pytorch' as const;

  constructor(config: PyTorchTrainingConfig, options: StepBuilderOptions = {}) {
    super(config, pytorchTrainingSpec, options);
  }

  async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
    return [...this.spec.dependencies.values()].flatMap((dep) =>
      channelsForInput(dep, inputs[dep.logicalName], this.contract, { wholeDataRoot: (uri) => [['data', uri]] }),
    );
  }

  getHyperparameters(): EncodedHyperparameters {
    return { ...encodeHyperparameters(this.config.hyperparameters), ...this.frameworkHyperparameters() };
  }

  protected override enablesMetricsTimeSeries(): boolean {
    return this.config.enable_sagemaker_metrics;
  }

  protected override extraArguments(outputPath: PipelineValue): Partial<TrainingStepArguments> {
    if (!this.config.enable_checkpointing) return {};
    const localPath = this.getEnvironmentVariables()['SM_CHECKPOINT_DIR'];
    return {
      CheckpointConfig: {
        S3Uri: this.config.checkpoint_s3_uri ?? this.perExecutionCheckpointUri(outputPath),
        ...(localPath ? { LocalPath: localPath } : {}),
      },
    };
  }

  /**
   * SageMaker copies the checkpoint location into the container when a job starts, so a fixed default would make
   * every execution resume from the previous one's checkpoints: the default is per pipeline execution.
   */
  private perExecutionCheckpointUri(outputPath: PipelineValue): PipelineValue {
    return { 'Std:Join': { On: '/', Values: [outputPath, 'checkpoints', { Get: 'Execution.PipelineExecutionId' }] } };
  }
}
