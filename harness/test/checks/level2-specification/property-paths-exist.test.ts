import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.property_paths_exist';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails on the reference PyTorch path properties.TrainingJobOutput.S3Output, naming output, path, segment and real members', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'data_output' ? { ...o, propertyPath: 'properties.TrainingJobOutput.S3Output' } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "Output 'data_output' has property path 'properties.TrainingJobOutput.S3Output', which does not exist on DescribeTrainingJobResponse: it fails at 'TrainingJobOutput'",
    );
    expect(result?.message).toContain('nearest real members:');
    expect(result?.message).toContain('OutputDataConfig');
    expect(result?.message).not.toContain("'model_output'");
  });

  it('fails when an S3Uri output path ends on a structure', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'evaluation_output' ? { ...o, propertyPath: 'properties.OutputDataConfig' } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "Output 'evaluation_output' has data type S3Uri, but its property path 'properties.OutputDataConfig' ends on a structure (OutputDataConfig), not a string",
    );
  });
});
