import { CreatePipelineCommand, DescribePipelineCommand } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/context/check-context.js';
import { assembledPipeline } from '../../../src/catalogue/context-pipeline.js';
import { createMockBackend, type MockIntegrationBackend } from '../../../src/backends/mock-backend.js';
import { expectNoNetwork } from '../../support/no-network.js';
import { realBuilder, runChecks, withSpecAndContract } from '../../support/broken-builders.js';
import { processingBuilder } from './step-type-builders.js';
import { contextWith, editingBackend, runInContext, withStepEdit } from './level4-fixtures.js';

const ID = 'level4.pipeline_round_trip';

describe(ID, () => {
  expectNoNetwork();

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s, sending the definition once with CreatePipelineCommand', async (name) => {
    const made: MockIntegrationBackend[] = [];
    const ctx: CheckContext = contextWith(realBuilder(name), async (region) => {
      const backend = await createMockBackend(region);
      made.push(backend);
      return backend;
    });
    const sent = JSON.parse(JSON.stringify((await assembledPipeline(ctx)).definition)) as unknown;
    const result = await runInContext(ctx, ID);
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(
      new RegExp(`^pipeline '.*-${name}-round-trip' \\(\\d+ characters, [45] steps\\) was accepted by the mock backend and round-trips$`),
    );

    expect(made).toHaveLength(1);
    const calls = made[0]!.sent.inputsOf(CreatePipelineCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!;
    expect(input.PipelineName).toMatch(new RegExp(`-${name}-round-trip$`));
    expect(JSON.parse(input.PipelineDefinition ?? '')).toEqual(sent);
    expect(made[0]!.sent.inputsOf(DescribePipelineCommand)).toHaveLength(1);
  });

  it('fails when DescribePipeline hands back a different definition', async () => {
    const { factory } = editingBackend((definition) => {
      const steps = definition['Steps'] as { DependsOn?: string[] }[];
      delete steps[1]!.DependsOn;
    });
    const result = await runInContext(contextWith(realBuilder('PyTorchTraining'), factory), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /did not round-trip through the mock backend at Steps\[1\]\.DependsOn: sent \["DataPreparation-Training"\], got back nothing$/,
    );
    expect(result.evidence).toMatchObject({ differences: [expect.stringContaining('Steps[1].DependsOn')] });
  });

  it('fails when DescribePipeline returns something that is not JSON', async () => {
    const factory = async (region: string) => ({ ...(await createMockBackend(region)), describePipelineDefinition: async () => '{"Version": ' });
    const result = await runInContext(contextWith(realBuilder('XGBoostTraining'), factory), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('DescribePipeline returned a PipelineDefinition for');
    expect(result.message).toContain('that is not JSON');
  });

  it('fails on the default backend when a step breaks the service model (an instance type SageMaker does not have)', async () => {
    const result = (
      await runChecks(
        withStepEdit(realBuilder('PyTorchTraining'), (step) => {
          (step.Arguments['ResourceConfig'] as Record<string, unknown>)['InstanceType'] = 'ml.g5.13xlarge';
        }),
        [ID],
      )
    )[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^The mock backend refused pipeline '.*-round-trip': Step 'PyTorchTraining' Arguments breaks the service model: ResourceConfig\.InstanceType "ml\.g5\.13xlarge" is not one of the \d+ values TrainingInstanceType allows/,
    );
  });

  it('fails on the default backend when a step has a Type SageMaker does not know', async () => {
    const result = (
      await runChecks(
        withStepEdit(processingBuilder, (step) => Object.assign(step, { Type: 'ProcessingJob' })),
        [ID],
      )
    )[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Step 'FeatureEngineering' has Type 'ProcessingJob', which is not a step type (Training, Processing, Transform, Model)");
  });

  it('fails on the default backend when the step waits (DependsOn) for a step the pipeline does not have', async () => {
    const result = (
      await runChecks(
        withStepEdit(realBuilder('XGBoostTraining'), (step) => Object.assign(step, { DependsOn: ['PreprocessingStep'] })),
        [ID],
      )
    )[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Step 'XGBoostTraining' DependsOn 'PreprocessingStep', which is not a step of the pipeline");
  });

  it('fails on the default backend when a consumer refers to a property the builder’s step does not have', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'evaluation_output' ? { ...o, propertyPath: 'properties.OutputDataConfig.S3Uri' } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "refers to 'Steps.XGBoostTraining.OutputDataConfig.S3Uri', but OutputDataConfig.S3Uri is not a property of DescribeTrainingJobResponse",
    );
  });

  it('fails when the backend refuses CreatePipeline', async () => {
    const factory = async (region: string) => ({
      ...(await createMockBackend(region)),
      createPipeline: async () => Promise.reject(new Error('ValidationException: PipelineDefinition is invalid')),
    });
    const result = await runInContext(contextWith(realBuilder('XGBoostTraining'), factory), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^The mock backend refused pipeline '.*-round-trip': ValidationException: PipelineDefinition is invalid$/);
  });
});
