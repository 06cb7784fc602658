import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';
import { WithMisspeltOutputPath, WithUnknownTopLevelMember } from '../../support/serialisation-breaking-builders.js';

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
    expect(result?.evidence).toMatchObject({ createTrainingJob: { dropped: ['TrainingJobOutput'], added: [], changed: [] } });
  });

  it('fails, naming the path, when a nested member is misspelt', async () => {
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), WithMisspeltOutputPath), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('dropped OutputDataConfig.S3OutputUri');
    // What the SDK sent lost the output location altogether.
    const sent = (result?.evidence as { createTrainingJob: { sent: Record<string, unknown> } }).createTrainingJob.sent;
    expect(sent['OutputDataConfig']).toEqual({});
  });
});
