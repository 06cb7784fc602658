import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';
import { WithMisspeltOutputPath, WithUnknownTopLevelMember } from '../../support/serialisation-breaking-builders.js';
import { modelBuilder, processingBuilder, stepTypeBuilder, transformArguments, transformBuilder, transformSpec } from './step-type-builders.js';

const ID = 'level4.wire_request';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes for the real %s builder', async (name) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status, result?.message).toBe('pass');
    expect(result?.level).toBe(4);
  });

  it('fails, naming the member, when the step carries an Arguments key CreateTrainingJob does not have', async () => {
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), WithUnknownTopLevelMember), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "CreateTrainingJob: the SDK's serialiser dropped TrainingJobOutput — SageMaker's CreateTrainingJob request has no such member, so the builder's value never reaches SageMaker",
    );
    expect(result?.evidence).toMatchObject({ jobRequest: { operation: 'CreateTrainingJob', dropped: ['TrainingJobOutput'], added: [], changed: [] } });
  });

  it('fails, naming the path, when a nested member is misspelt', async () => {
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), WithMisspeltOutputPath), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('dropped OutputDataConfig.S3OutputUri');
    // What the SDK sent lost the output location altogether.
    const sent = (result!.evidence as { jobRequest: { sent: Record<string, unknown> } }).jobRequest.sent;
    expect(sent['OutputDataConfig']).toEqual({});
  });

  it.each([
    ['Processing', processingBuilder, 'CreateProcessingJob'],
    ['CreateModel', modelBuilder, 'CreateModel'],
    ['Transform', transformBuilder, 'CreateTransformJob'],
  ] as const)('passes for a correct %s builder, sending its step type’s create request', async (_type, registration, operation) => {
    const result = (await runChecks(registration, [ID]))[ID];
    expect(result?.status, result?.message).toBe('pass');
    expect(result?.message).toBe(`CreatePipeline and ${operation} were serialised as application/x-amz-json-1.1 with nothing dropped, renamed or changed`);
  });

  it('fails on a Transform builder that misspells TransformOutput.S3OutputPath', async () => {
    const misspelt = stepTypeBuilder('BatchScoring', 'Transform', transformSpec, (builder, inputs) => {
      const step = transformArguments()(builder, inputs);
      const { S3OutputPath, ...rest } = step.Arguments['TransformOutput'] as Record<string, unknown>;
      return { ...step, Arguments: { ...step.Arguments, TransformOutput: { ...rest, S3OutputUri: S3OutputPath } } };
    });
    const result = (await runChecks(misspelt, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "CreateTransformJob: the SDK's serialiser dropped TransformOutput.S3OutputUri — SageMaker's CreateTransformJob request has no such member, so the builder's value never reaches SageMaker",
    );
  });
});
