import type { PipelineValue } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { BatchTransformStepBuilder } from '../../../../builders/batch-transform/index.js';
import { PyTorchModelStepBuilder } from '../../../../builders/pytorch-model/index.js';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { TabularPreprocessingStepBuilder } from '../../../../builders/tabular-preprocessing/index.js';
import { XGBoostModelEvalStepBuilder } from '../../../../builders/xgboost-model-eval/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.settings_reach_request';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when the configured output_path is ignored', async () => {
    const IgnoresOutputPath = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getOutputs(): PipelineValue {
          return `${this.config.pipeline_s3_loc}/pytorch_training`;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), IgnoresOutputPath), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain("[overrides] output_path = 's3://stepscore-probe-bucket/override/output_path' appears nowhere in the request");
    expect(result.message).toContain('[parameters] output_path = {"Get":"Parameters.OutputPath"} appears nowhere in the request');
  });

  it("fails (major) when the user's environment overrides are dropped", async () => {
    const ContractEnvironmentOnly = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getEnvironmentVariables(): Record<string, string> {
          const env = super.getEnvironmentVariables();
          return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('SM_')));
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), ContractEnvironmentOnly), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe('[overrides] env sets STEPSCORE_PROBE_VARIABLE, which appear nowhere in the request');
  });

  it('fails (major) when an optional nested setting (a distribution strategy) is ignored', async () => {
    // A builder written before distributed training: the `distribution` its schema accepts never reaches the step.
    const NoDistribution = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters() {
          return {};
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), NoDistribution), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(`[nested-distribution-pytorchddp] distribution = {"pytorchddp":{"enabled":true}}, yet the step is the default scenario's`);
    expect(result.message).toContain('[nested-distribution-mpi] distribution = {"mpi":');
    expect(result.message).toContain('"stepscore-probe-distribution-mpi-custom-mpi-options" appear nowhere in the request');
  });

  it('fails (major) when one member of a nested setting loses its options', async () => {
    const MpiOptionsDropped = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters() {
          const { sagemaker_mpi_custom_mpi_options: _dropped, ...rest } = super.distributionHyperparameters();
          return rest;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), MpiOptionsDropped), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      '[nested-distribution-mpi] distribution = {"mpi":{"enabled":true,"processes_per_host":3,"custom_mpi_options":"stepscore-probe-distribution-mpi-custom-mpi-options"}}, but "stepscore-probe-distribution-mpi-custom-mpi-options" appear nowhere in the request',
    );
  });

  it('fails (major) when the instance type is hard-coded', async () => {
    const HardCoded = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override async createStep(options?: Parameters<PyTorchTrainingStepBuilder['createStep']>[0]) {
          const step = await super.createStep(options);
          return { ...step, Arguments: { ...step.Arguments, ResourceConfig: { ...step.Arguments.ResourceConfig, InstanceType: 'ml.g5.12xlarge' as never } } };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), HardCoded), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(
      /^\[cpu\] training_instance_type = 'ml\.[a-z]\w*\.\w+', but the request runs on "ml\.g5\.12xlarge"; \[gpu\] training_instance_type = 'ml\.[a-z]\w*\.\w+', but the request runs on "ml\.g5\.12xlarge"/,
    );
  });

  it('fails (major) when the instance count is fixed, though another overridden number shares its default', async () => {
    // processing_instance_count and max_runtime_in_seconds both start from 1: their probes must differ.
    const OneInstance = {
      XGBoostModelEvalStepBuilder: class extends XGBoostModelEvalStepBuilder {
        override async createStep(options?: Parameters<XGBoostModelEvalStepBuilder['createStep']>[0]) {
          const step = await super.createStep(options);
          const cluster = step.Arguments.ProcessingResources?.ClusterConfig;
          return {
            ...step,
            Arguments: { ...step.Arguments, ProcessingResources: { ClusterConfig: { ...cluster, InstanceCount: 1 } } } as typeof step.Arguments,
          };
        }
      },
    }.XGBoostModelEvalStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostModelEval'), OneInstance), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/^\[overrides\] processing_instance_count = \d+ appears nowhere in the request$/);
  });

  it('fails (major) when a MIME-type setting is dropped, though another of the same format reaches the request', async () => {
    const NoContentType = {
      BatchTransformStepBuilder: class extends BatchTransformStepBuilder {
        override async createStep(options?: Parameters<BatchTransformStepBuilder['createStep']>[0]) {
          const step = await super.createStep(options);
          const { ContentType: _dropped, ...input } = step.Arguments.TransformInput as unknown as Record<string, unknown>;
          return { ...step, Arguments: { ...step.Arguments, TransformInput: input } as typeof step.Arguments };
        }
      },
    }.BatchTransformStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('BatchTransform'), NoContentType), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("[overrides] content_type = 'application/x-stepscore-content-type' appears nowhere in the request");
  });

  it('fails (major) when the cache expiry never reaches the step’s CacheConfig', async () => {
    const FixedExpiry = {
      TabularPreprocessingStepBuilder: class extends TabularPreprocessingStepBuilder {
        override getCacheConfig(enableCaching: boolean) {
          return super.getCacheConfig(enableCaching, 'P30D');
        }
      },
    }.TabularPreprocessingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('TabularPreprocessing'), FixedExpiry), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("[overrides] cache_expire_after = 'P29D' appears nowhere in the request");
  });

  it("fails (major) when a model's inference script is fixed, whatever inference_entry_point says", async () => {
    const FixedProgram = {
      PyTorchModelStepBuilder: class extends PyTorchModelStepBuilder {
        override getEnvironmentVariables(): Record<string, string> {
          return { ...super.getEnvironmentVariables(), SAGEMAKER_PROGRAM: 'inference.py' };
        }
      },
    }.PyTorchModelStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchModel'), FixedProgram), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("[overrides] inference_entry_point = 'stepscore_probe_inference_entry_point.py' appears nowhere in the request");
  });

  it('fails (major) when enable_checkpointing = false still sends the CheckpointConfig', async () => {
    const AlwaysCheckpoints = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override checkpointConfig(outputPath: PipelineValue): { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined {
          const on = this.config.enable_checkpointing;
          (this.config as { enable_checkpointing: boolean }).enable_checkpointing = true;
          try {
            return super.checkpointConfig(outputPath);
          } finally {
            (this.config as { enable_checkpointing: boolean }).enable_checkpointing = on;
          }
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), AlwaysCheckpoints), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe('[flip-enable_checkpointing] enable_checkpointing = false, yet CheckpointConfig is still sent, not turned off');
  });

  it('fails (major) when enable_checkpointing = false still sends a CheckpointConfig, only without the directory the switch also took away', async () => {
    // The guard on the switch was lost; the checkpoint directory (from the environment the switch still governs) goes.
    const CheckpointsWithoutGuard = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override checkpointConfig(outputPath: PipelineValue): { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined {
          const on = super.checkpointConfig(outputPath);
          return (
            on ?? {
              S3Uri: this.config.checkpoint_s3_uri ?? {
                'Std:Join': { On: '/', Values: [outputPath, 'checkpoints', { Get: 'Execution.PipelineExecutionId' }] },
              },
            }
          );
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), CheckpointsWithoutGuard), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe('[flip-enable_checkpointing] enable_checkpointing = false, yet CheckpointConfig is still sent, not turned off');
  });
});
