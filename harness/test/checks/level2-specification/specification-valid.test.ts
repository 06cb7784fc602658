import { NodeType } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.specification_valid';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails with the model's own messages for a sink node that has outputs", async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.nodeType = NodeType.SINK;
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("SINK node 'PyTorchTraining' cannot have outputs");
  });

  it('fails for an output alias that repeats another output name', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'evaluation_output' ? { ...o, aliases: [...(o.aliases ?? []), 'model_output'] } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Output name/alias conflicts in step 'XGBoostTraining'");
  });

  it('fails for an output whose data type was left empty', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o, i) => (i === 0 ? { ...o, dataType: '' } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("declares data type '', not one of S3Uri, String, Integer, Float, Boolean");
  });

  it('fails for a dependency with a data type the resolver cannot compare', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => ({ ...d, dataType: 's3uri' }));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(/^dependency '\w+' declares data type 's3uri'/);
  });
});
