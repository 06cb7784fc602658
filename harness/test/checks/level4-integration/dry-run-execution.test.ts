import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../../src/backends/mock-backend.js';
import { expectNoNetwork } from '../../support/no-network.js';
import { realBuilder, runChecks } from '../../support/broken-builders.js';
import { contextWith, droppingResolvedInputs, runInContext, withModelPath } from './level4-fixtures.js';

const ID = 'level4.dry_run_execution';

describe(ID, () => {
  expectNoNetwork();

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.message).toMatch(/^execution arn:aws:sagemaker:us-east-1:123456789012:pipeline\/.+\/execution\/\w+ ran .* with every reference resolved$/);
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('fails on %s when model_output points at ModelArtifacts.S3Uri, which has no value', async (name) => {
    const result = (await runChecks(withModelPath(realBuilder(name), 'properties.ModelArtifacts.S3Uri'), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`PrimaryContainer.ModelDataUrl: {"Get":"Steps.${name}.ModelArtifacts.S3Uri"} did not resolve: the response has no value at ModelArtifacts.S3Uri`);
  });

  it('fails when model_output leads to a real property that is not the model (OutputDataConfig.S3OutputPath)', async () => {
    const result = (await runChecks(withModelPath(realBuilder('XGBoostTraining'), 'properties.OutputDataConfig.S3OutputPath'), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^XGBoostModel's PrimaryContainer\.ModelDataUrl resolved to "s3:\/\/[^"]+\/xgboost_training", but training job \S+ wrote its model to "s3:\/\/[^"]+\/output\/model\.tar\.gz" \(DescribeTrainingJob ModelArtifacts\.S3ModelArtifacts\)/,
    );
  });

  it('fails when the training job the backend describes has no model artifacts', async () => {
    const factory = async (region: string) => {
      const backend = await createMockBackend(region);
      return { ...backend, describeTrainingJob: async (name: string) => ({ ...(await backend.describeTrainingJob(name)), ModelArtifacts: undefined }) };
    };
    const result = await runInContext(contextWith(realBuilder('PyTorchTraining'), factory), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('did not resolve: the response has no value at ModelArtifacts');
  });

  it('still passes for a builder that ignores its resolved inputs (that is pipeline_assembly’s to catch)', async () => {
    expect((await runChecks(droppingResolvedInputs(realBuilder('PyTorchTraining')), [ID]))[ID]?.status).toBe('pass');
  });
});
