import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PyTorchTrainingStepBuilder, pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { tabularPreprocessingConfigSchema } from '../../../../builders/tabular-preprocessing/index.js';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level3.request_meets_service_model';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (blocker) when the schema admits a fractional instance count', async () => {
    const loose = xgboostTrainingConfigSchema.safeExtend({ training_instance_count: z.number().min(1).default(1) });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), loose), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/\[fractional-numbers\] CreateTrainingJobRequest: [^;]*InstanceCount[^;]*2\.5/);
  });

  it('fails (blocker) when the schema has no maximum runtime', async () => {
    const unbounded = pytorchTrainingConfigSchema.safeExtend({ max_runtime_in_seconds: z.number().int().min(1).default(86_400) });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), unbounded), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/\[largest-numbers\] CreateTrainingJobRequest: [^;]*MaxRuntimeInSeconds[^;]*2147483647/);
  });

  it('fails (blocker) when the step name is not truncated, so it breaks only when the job type is long', async () => {
    const Untruncated = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getStepName(): string {
          const jobType = this.config.job_type;
          return jobType ? `PyTorchTraining-${jobType[0]?.toUpperCase()}${jobType.slice(1).toLowerCase()}` : 'PyTorchTraining';
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Untruncated), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[max-names\] [^;]*Name/);
    expect(result.message).not.toContain('[default]');
  });

  it('fails (blocker) when the schema admits a processing job on zero instances', async () => {
    const zero = tabularPreprocessingConfigSchema.safeExtend({ processing_instance_count: z.number().int().min(0).max(100).default(1) });
    const result = await runCheck(withConfigSchema(realBuilder('TabularPreprocessing'), zero), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[smallest-numbers\] CreateProcessingJobRequest: [^;]*ProcessingResources\.ClusterConfig\.InstanceCount[^;]*0/);
    expect(result.message).not.toContain('[default]');
  });

  it('fails (blocker) when the training request names no container (no TrainingImage, no AlgorithmName)', async () => {
    const Imageless = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getImageUri(): string {
          return undefined as unknown as string;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Imageless), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain('[default] CreateTrainingJobRequest: AlgorithmSpecification has neither a TrainingImage nor an AlgorithmName');
  });
});
