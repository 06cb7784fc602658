import type { EncodedHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PyTorchTrainingStepBuilder, pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level3.distribution_hyperparameters';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s, or does not apply', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(['pass', 'not_applicable'], result.message).toContain(result.status);
  });

  it('passes on PyTorchTraining, the builder with the SDK distribution; does not apply to XGBoost, which has no table', async () => {
    expect((await runCheck(realBuilder('PyTorchTraining'), ID)).status).toBe('pass');
    const xgboost = await runCheck(realBuilder('XGBoostTraining'), ID);
    expect(xgboost.status).toBe('not_applicable');
  });

  it('fails (major) on the SDK before v2.222: pytorchddp launched by its own switch, not as smdistributed.dataparallel', async () => {
    const OwnPytorchddpSwitch = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters(): EncodedHyperparameters {
          if (!this.config.distribution?.pytorchddp?.enabled) return super.distributionHyperparameters();
          return { sagemaker_pytorch_ddp_enabled: 'true', sagemaker_instance_type: JSON.stringify(this.config.training_instance_type) };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), OwnPytorchddpSwitch), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      `[nested-distribution-pytorchddp] distribution = {"pytorchddp":{"enabled":true}}: sagemaker.pytorch.PyTorch sets HyperParameters.sagemaker_distributed_dataparallel_enabled = 'true', which the request lacks`,
    );
    expect(result.message).not.toContain('[default]');
  });

  it("fails (major) when the switches are sent as Python's str(), not json.dumps", async () => {
    const PythonBooleans = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters(): EncodedHyperparameters {
          const encoded = super.distributionHyperparameters();
          return Object.fromEntries(Object.entries(encoded).map(([name, value]) => [name, value === 'true' ? 'True' : value]));
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PythonBooleans), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      `[sdk-distribution-mpi] distribution = {"mpi":{"enabled":true}}: HyperParameters.sagemaker_mpi_enabled is "True", where sagemaker.pytorch.PyTorch sends 'true'`,
    );
  });

  it('fails (major) when torch_distributed drops the smdistributed hyperparameters the SDK still adds beside it', async () => {
    const LauncherAlone = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters(): EncodedHyperparameters {
          if (!this.config.distribution?.torch_distributed?.enabled) return super.distributionHyperparameters();
          return { sagemaker_torch_distributed_enabled: 'true', sagemaker_instance_type: JSON.stringify(this.config.training_instance_type) };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), LauncherAlone), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      `[sdk-distribution-torch_distributed-smdistributed] distribution = {"torch_distributed":{"enabled":true},"smdistributed":{"dataparallel":{"enabled":true}}}: sagemaker.pytorch.PyTorch sets HyperParameters.sagemaker_distributed_dataparallel_enabled = 'true', which the request lacks`,
    );
    expect(result.message).not.toContain('[nested-distribution-torch_distributed]');
  });

  it('fails (major) when MPI sends a process count nobody configured', async () => {
    const NullProcesses = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters(): EncodedHyperparameters {
          const encoded = super.distributionHyperparameters();
          const mpi = this.config.distribution?.mpi;
          return mpi ? { ...encoded, sagemaker_mpi_num_of_processes_per_host: JSON.stringify(mpi.processes_per_host ?? null) } : encoded;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), NullProcesses), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '[sdk-distribution-mpi] distribution = {"mpi":{"enabled":true}}: HyperParameters.sagemaker_mpi_num_of_processes_per_host is sent, but sagemaker.pytorch.PyTorch sets it for no strategy configured',
    );
    expect(result.message).toContain('[sdk-distribution-switched-off]');
    expect(result.message).not.toContain('[nested-distribution-mpi]');
  });

  it('fails (major) when the distribution setting is a closed object that lost every strategy', async () => {
    const schema = pytorchTrainingConfigSchema.safeExtend({ distribution: z.strictObject({}).optional() });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe(
      "the config's 'distribution' accepts none of sagemaker.pytorch.PyTorch's strategies (pytorchddp, torch_distributed, parameter_server, mpi, smdistributed): no distributed training can be configured",
    );
  });

  it('judges a free-form distribution map by the requests alone', async () => {
    const schema = pytorchTrainingConfigSchema.safeExtend({ distribution: z.record(z.string(), z.unknown()).optional() });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), schema), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when a strategy given but switched off is sent as on', async () => {
    const GivenMeansOn = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override distributionHyperparameters(): EncodedHyperparameters {
          const encoded = super.distributionHyperparameters();
          return this.config.distribution?.mpi ? { ...encoded, sagemaker_mpi_enabled: 'true' } : encoded;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), GivenMeansOn), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      `[sdk-distribution-switched-off] distribution = {"torch_distributed":{"enabled":false},"pytorchddp":{"enabled":false},"mpi":{"enabled":false}}: HyperParameters.sagemaker_mpi_enabled is "true", where sagemaker.pytorch.PyTorch sends 'false'`,
    );
  });
});
