import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks } from '../../support/broken-builders.js';
import { withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.rejects_count_below_one';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails naming each field whose zero gets through', async () => {
    const noMinimum = xgboostTrainingConfigSchema.safeExtend({ training_instance_count: z.number().int(), training_volume_size: z.number().int() });
    const result = (await runChecks(withConfigSchema(realBuilder('XGBoostTraining'), noMinimum), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("accepted training_instance_count = 0, so 'training_instance_count' is not checked");
    expect(result?.message).toContain("accepted training_volume_size = 0, so 'training_volume_size' is not checked");
  });
});
