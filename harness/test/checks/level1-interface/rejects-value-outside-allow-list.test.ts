import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks } from '../../support/broken-builders.js';
import { withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.rejects_value_outside_allow_list';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails naming the field and value when any instance type is accepted', async () => {
    const anyInstance = pytorchTrainingConfigSchema.safeExtend({ training_instance_type: z.string() });
    const result = (await runChecks(withConfigSchema(realBuilder('PyTorchTraining'), anyInstance), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      `The config schema accepted training_instance_type = "ml.not-a-type.xlarge", so 'training_instance_type' is not checked`,
    );
  });

  it('fails naming the field and value when any region code is accepted', async () => {
    const anyRegion = xgboostTrainingConfigSchema.safeExtend({ region: z.string() });
    const result = (await runChecks(withConfigSchema(realBuilder('XGBoostTraining'), anyRegion), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`accepted region = "XX"`);
  });
});
