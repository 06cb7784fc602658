import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks, withDefaultConfig } from '../../support/broken-builders.js';
import { withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.rejects_label_not_in_field_list';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails when the hyperparameters schema does not compare label and field list', async () => {
    const unchecked = pytorchTrainingConfigSchema.safeExtend({ hyperparameters: z.looseObject({}) });
    const result = (await runChecks(withConfigSchema(realBuilder('PyTorchTraining'), unchecked), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('The config schema accepted hyperparameters.label_name = "not_a_field_');
    expect(result?.message).toContain("so 'hyperparameters.label_name' is not checked");
  });

  it('fails when the refusal does not name hyperparameters.label_name', async () => {
    // safeExtend keeps the schema's cross-field rules; its types forbid a narrower hyperparameters schema, which is the point here.
    const vague = xgboostTrainingConfigSchema.safeExtend({
      hyperparameters: z
        .looseObject({ full_field_list: z.array(z.string()), label_name: z.string() })
        .refine((hp) => hp.full_field_list.includes(hp.label_name), { error: 'hyperparameters are inconsistent' }),
    } as never);
    const result = (await runChecks(withConfigSchema(realBuilder('XGBoostTraining'), vague), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("the config was rejected but no issue names 'hyperparameters.label_name' (issues: hyperparameters: hyperparameters are inconsistent");
  });

  it('does not apply when the config has no field lists', async () => {
    const noLists = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      const hp = config['hyperparameters'] as Record<string, unknown>;
      for (const key of ['full_field_list', 'cat_field_list', 'tab_field_list', 'id_name', 'label_name']) delete hp[key];
    });
    const result = (await runChecks(noLists, [ID]))[ID];
    expect(result?.status).toBe('not_applicable');
    expect(result?.message).toContain('no hyperparameters.full_field_list');
  });
});
