import type { PipelineValue } from '@stepscore/step-builder';

type CheckpointSettings = { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined;
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level3.checkpoint_config';

/** Whether a contract tells the script where to write checkpoints (the check's N/A rule). */
function declaresCheckpoints(
  contract: { optionalEnvVars?: Record<string, string>; requiredEnvVars?: readonly string[]; expectedOutputPaths: Record<string, string> } | undefined,
): boolean {
  if (!contract) return false;
  return (
    contract.optionalEnvVars?.['SM_CHECKPOINT_DIR'] !== undefined ||
    (contract.requiredEnvVars ?? []).includes('SM_CHECKPOINT_DIR') ||
    Object.values(contract.expectedOutputPaths).some((p) => p === '/opt/ml/checkpoints' || p.startsWith('/opt/ml/checkpoints/'))
  );
}

/** PyTorch as registered, its CheckpointConfig replaced by `settings`. */
function pytorchCheckpointing(settings: (builder: PyTorchTrainingStepBuilder, outputPath: PipelineValue) => CheckpointSettings) {
  return {
    PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
      protected override checkpointConfig(outputPath: PipelineValue): CheckpointSettings {
        return settings(this, outputPath);
      }
    },
  }.PyTorchTrainingStepBuilder;
}

describe(ID, () => {
  // PyTorchTraining keeps SM_CHECKPOINT_DIR set when enable_checkpointing is false, so [flip-enable_checkpointing]
  // fails for it until its builder drops the variable with the CheckpointConfig.
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))(
    'passes on %s (not applicable when its contract has no checkpoint directory)',
    async (_name, registration) => {
      const result = await runCheck(registration, ID);
      if (declaresCheckpoints(registration.contract)) expect(result.status, result.message).toBe('pass');
      else expect(result.status, result.message).toBe('not_applicable');
    },
  );

  it('passes on a builder that tells the script a checkpoint directory only while it syncs one', async () => {
    const Consistent = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getEnvironmentVariables(): Record<string, string> {
          const env = super.getEnvironmentVariables();
          if (this.config.enable_checkpointing) return env;
          const { SM_CHECKPOINT_DIR: _off, ...rest } = env;
          return rest;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Consistent), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('is not applicable, naming why, when the contract declares no checkpoint directory', async () => {
    const noCheckpoints = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
      (contract as { optionalEnvVars?: Record<string, string> }).optionalEnvVars = {};
    });
    const result = await runCheck(noCheckpoints, ID);
    expect(result.status).toBe('not_applicable');
    expect(result.message).toContain('declares no checkpoint directory');
  });

  it("fails (major) when CheckpointConfig's LocalPath is not SM_CHECKPOINT_DIR", async () => {
    const Typo = pytorchCheckpointing((_b, out) => ({ S3Uri: `${String(out)}/checkpoints`, LocalPath: '/opt/ml/checkpoint' }));
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Typo), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      '[default] CheckpointConfig syncs /opt/ml/checkpoint, but the script writes checkpoints to /opt/ml/checkpoints, so they would never reach S3',
    );
  });

  it('fails (major) when the script is told where to checkpoint but no CheckpointConfig syncs it', async () => {
    const Forgotten = pytorchCheckpointing(() => undefined);
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Forgotten), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      '[default] the script is told to write checkpoints to SM_CHECKPOINT_DIR=/opt/ml/checkpoints, but the request has no CheckpointConfig, so none reach S3',
    );
  });

  it('fails (major) when the contract declares a checkpoint directory but the builder neither sets it nor syncs it', async () => {
    const Ignored = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getEnvironmentVariables(): Record<string, string> {
          const { SM_CHECKPOINT_DIR: _dir, ...rest } = super.getEnvironmentVariables();
          return rest;
        }
        protected override checkpointConfig(): CheckpointSettings {
          return undefined;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Ignored), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe(
      '[default] the script contract writes checkpoints to /opt/ml/checkpoints, but the request has no CheckpointConfig, so none reach S3',
    );
  });

  it("fails (major) when CheckpointConfig's S3Uri is a relative key", async () => {
    const Relative = pytorchCheckpointing(() => ({ S3Uri: 'checkpoints/', LocalPath: '/opt/ml/checkpoints' }));
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Relative), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(`[default] CheckpointConfig.S3Uri is "checkpoints/"; it must be an s3://bucket/key location`);
  });

  const EXECUTION_ID = { Get: 'Execution.PipelineExecutionId' };

  it('fails (major) when the checkpoint location the builder joins is the same in every execution', async () => {
    // The execution id was left out of the join: each execution resumes from the previous one's checkpoints.
    const shared = pytorchCheckpointing((b, outputPath) =>
      b.config.enable_checkpointing ? { S3Uri: { 'Std:Join': { On: '/', Values: [outputPath, 'checkpoints'] } }, LocalPath: '/opt/ml/checkpoints' } : undefined,
    );
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), shared), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/\[default\] CheckpointConfig\.S3Uri resolves to s3:\/\/\S+\/checkpoints in every pipeline execution/);
  });

  it('fails (major) when the joined checkpoint location has an empty key part (a folder name left empty)', async () => {
    const emptyPart = pytorchCheckpointing((b, outputPath) =>
      b.config.enable_checkpointing
        ? { S3Uri: { 'Std:Join': { On: '/', Values: [outputPath, '', EXECUTION_ID] } }, LocalPath: '/opt/ml/checkpoints' }
        : undefined,
    );
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), emptyPart), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /\[default\] CheckpointConfig\.S3Uri .* resolves to "s3:\/\/\S+\/\/stepscore-execution-1", which is no s3:\/\/bucket\/key location/,
    );
  });

  it('fails (major) when the join has nothing to join', async () => {
    const nothing = pytorchCheckpointing((b) =>
      b.config.enable_checkpointing ? { S3Uri: { 'Std:Join': { On: '/', Values: [] } }, LocalPath: '/opt/ml/checkpoints' } : undefined,
    );
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), nothing), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('resolves to "", which is no s3://bucket/key location');
  });

  it('passes when the location depends on the execution, joined by the pipeline', async () => {
    const perExecution = pytorchCheckpointing((b, outputPath) =>
      b.config.enable_checkpointing
        ? { S3Uri: { 'Std:Join': { On: '/', Values: [outputPath, EXECUTION_ID, 'checkpoints'] } }, LocalPath: '/opt/ml/checkpoints' }
        : undefined,
    );
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), perExecution), ID);
    expect(result.status, result.message).toBe('pass');
  });
});
