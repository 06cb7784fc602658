import { encodeHyperparameters, type EncodedHyperparameters, isPipelineExpression, pipelineVariableToString, pythonJsonDumps } from '@stepscore/sagemaker';
import { type PipelineValue, type StepBuilderOptions, type TrainingChannel, TrainingStepBuilder, channelsForInput } from '@stepscore/step-builder';
import type { PyTorchDistribution, PyTorchTrainingConfig } from './config.js';
import { pytorchTrainingSpec } from './spec.js';

const CHECKPOINT_DIR_VARIABLE = 'SM_CHECKPOINT_DIR';

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
    const contentType = this.config.input_content_type;
    return [...this.spec.dependencies.values()]
      .flatMap((dep) => channelsForInput(dep, inputs[dep.logicalName], this.contract, { wholeDataRoot: (uri) => [['data', uri]] }))
      .map((channel) => (contentType === undefined ? channel : { ...channel, ContentType: contentType }));
  }

  getHyperparameters(): EncodedHyperparameters {
    return { ...encodeHyperparameters(this.config.hyperparameters), ...this.frameworkHyperparameters(), ...this.distributionHyperparameters() };
  }

  /** SM_CHECKPOINT_DIR only when checkpoints are on: the configured local path, else the contract's default. */
  override getEnvironmentVariables(): Record<string, string> {
    const env: Record<string, unknown> = { ...super.getEnvironmentVariables() };
    if (!this.config.enable_checkpointing) {
      if (this.config.env?.[CHECKPOINT_DIR_VARIABLE] === undefined) delete env[CHECKPOINT_DIR_VARIABLE];
    } else if (this.config.checkpoint_local_path !== undefined) {
      env[CHECKPOINT_DIR_VARIABLE] = this.config.checkpoint_local_path;
    }
    return env as Record<string, string>;
  }

  /**
   * The SDK's PyTorch._pytorch_distribution_configuration, JSON-encoded like every framework hyperparameter. Since SDK
   * v2.222 the PyTorch estimator rewrites `pytorchddp` into `smdistributed.dataparallel` before reading it.
   */
  distributionHyperparameters(): EncodedHyperparameters {
    const { pytorchddp, ...distribution }: PyTorchDistribution = this.config.distribution ?? {};
    if (pytorchddp) distribution.smdistributed = { dataparallel: pytorchddp };
    const raw: Record<string, unknown> = {};
    if (distribution.torch_distributed?.enabled) {
      if (distribution.smdistributed) Object.assign(raw, this.frameworkDistributionHyperparameters(distribution));
      raw['sagemaker_torch_distributed_enabled'] = true;
      raw['sagemaker_instance_type'] = this.config.training_instance_type;
    } else {
      Object.assign(raw, this.frameworkDistributionHyperparameters(distribution));
    }
    return Object.fromEntries(
      Object.entries(raw).map(([name, value]) => [name, isPipelineExpression(value) ? pipelineVariableToString(value, true) : pythonJsonDumps(value)]),
    );
  }

  /** The SDK's Framework._distribution_configuration: every strategy given, MPI's and SMDDP's. */
  private frameworkDistributionHyperparameters(distribution: PyTorchDistribution): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    if (distribution.mpi) {
      raw['sagemaker_mpi_enabled'] = distribution.mpi.enabled;
      if (distribution.mpi.processes_per_host) raw['sagemaker_mpi_num_of_processes_per_host'] = distribution.mpi.processes_per_host;
      raw['sagemaker_mpi_custom_mpi_options'] = distribution.mpi.custom_mpi_options ?? '';
    }
    if (distribution.smdistributed) {
      const dataparallel = distribution.smdistributed.dataparallel;
      raw['sagemaker_distributed_dataparallel_enabled'] = dataparallel.enabled;
      raw['sagemaker_instance_type'] = this.config.training_instance_type;
      if (dataparallel.enabled) raw['sagemaker_distributed_dataparallel_custom_mpi_options'] = dataparallel.custom_mpi_options ?? '';
    }
    return raw;
  }

  /** The SDK gives every PyTorch estimator a distribution ({} when none is set). */
  protected override hasDistribution(): boolean {
    return true;
  }

  protected override enablesMetricsTimeSeries(): boolean {
    return this.config.enable_sagemaker_metrics;
  }

  protected override checkpointConfig(outputPath: PipelineValue): { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined {
    if (!this.config.enable_checkpointing) return undefined;
    const localPath = this.getEnvironmentVariables()[CHECKPOINT_DIR_VARIABLE];
    return {
      S3Uri: this.config.checkpoint_s3_uri ?? this.perExecutionCheckpointUri(outputPath),
      ...(localPath ? { LocalPath: localPath } : {}),
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
