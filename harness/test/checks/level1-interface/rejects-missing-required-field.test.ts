import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks } from '../../support/broken-builders.js';
import { withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.rejects_missing_required_field';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    // XGBoost's source_dir is required in framework mode only (its built-in algorithm mode runs no script): a
    // cross-field rule, not a required field of the schema.
    expect(result?.message).toContain(name === 'XGBoostTraining' ? 'hyperparameters.num_round' : 'source_dir');
  });

  it('tries nested required hyperparameters too', async () => {
    const result = (await runChecks(realBuilder('XGBoostTraining'), [ID]))[ID];
    expect(result?.message).toContain('hyperparameters.num_round');
  });

  it('fails when the schema quietly fills in a required field', async () => {
    const fillsSourceDir = z.preprocess(
      (raw) => ({ source_dir: 's3://stepscore-example-bucket/code/sourcedir.tar.gz', ...(raw as object) }),
      pytorchTrainingConfigSchema,
    );
    const result = (await runChecks(withConfigSchema(realBuilder('PyTorchTraining'), fillsSourceDir), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("The config schema accepted a config without 'source_dir', so 'source_dir' is not checked");
  });

  it('fails when the schema makes a base pipeline field optional', async () => {
    // safeExtend keeps the schema's cross-field rules; its types forbid loosening a required field, which is the point here.
    const optionalRole = xgboostTrainingConfigSchema.safeExtend({ role: z.string().optional() } as unknown as { role: z.ZodString });
    const result = (await runChecks(withConfigSchema(realBuilder('XGBoostTraining'), optionalRole), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("accepted a config without 'role'");
  });
});
