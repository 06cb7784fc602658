import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pytorchDistributionShape } from '../../../../builders/pytorch-training/config.js';
import { pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { checkTrainingImage } from '@stepscore/step-builder';
import { xgboostHyperparametersSchema, xgboostTrainingConfigShape } from '../../../../builders/xgboost-training/config.js';
import { xgboostTrainingConfigSchema } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.invalid_configs_rejected';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/^[1-9]\d* invalid config\(s\) refused, each naming its field$/);
  });

  it('fails (major) when a mode refuses a setting without naming it (the user is not told what to remove)', async () => {
    // The author's built-in mode refuses the script settings with an issue on the whole config.
    const schema = z
      .strictObject(xgboostTrainingConfigShape)
      .superRefine(checkTrainingImage('xgboost'))
      .superRefine((config, ctx) => {
        if (config.algorithm_mode === 'builtin' && (config.training_entry_point !== undefined || config.source_dir !== undefined)) {
          ctx.addIssue({ code: 'custom', message: 'the built-in algorithm runs no script: remove training_entry_point and source_dir' });
        }
      });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      `with 'training_entry_point' kept with algorithm_mode = "builtin" (the schema refuses them together), the config was refused but no issue names 'training_entry_point'`,
    );
    expect(result.message).toContain(`with 'source_dir' kept with algorithm_mode = "builtin"`);
  });

  it('fails (major) when a hyperparameter lost its upper bound: a learning rate above 1 that the XGBoost algorithm refuses', async () => {
    // `eta` written with min(0) only: probes read from this schema agree with it.
    const hyperparameters = xgboostHyperparametersSchema.safeExtend({ eta: z.number().min(0).optional() });
    const schema = xgboostTrainingConfigSchema.safeExtend({ hyperparameters });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      'the schema accepted hyperparameters.eta = 1.5 (above 1: the SageMaker XGBoost algorithm documents "Valid values: Float. Range: [0,1]", https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html)',
    );
    expect(result.message).not.toContain('hyperparameters.eta = -1');
  });

  it('fails (major) when a range rule on the hyperparameters refuses the learning rate without naming it', async () => {
    // The bound moved from `eta` onto the whole map, with no path: the user is told the hyperparameters are wrong.
    const hyperparameters = xgboostHyperparametersSchema
      .safeExtend({ eta: z.number().optional() })
      .refine((h) => h.eta === undefined || (h.eta >= 0 && h.eta <= 1), { error: 'eta must be within [0, 1]' });
    const schema = xgboostTrainingConfigSchema.safeExtend({ hyperparameters });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain("the config was refused but no issue names 'hyperparameters.eta' (issues: hyperparameters: eta must be within [0, 1]");
    expect(result.message).not.toContain("names 'hyperparameters.max_depth'");
  });

  it('fails (major) when the hyperparameters are a free map: nothing the documentation rules out is refused', async () => {
    const schema = xgboostTrainingConfigSchema.safeExtend({ hyperparameters: z.looseObject({ num_round: z.number().int().min(1) }) });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('the schema accepted hyperparameters.booster = "not-a-documented-value" (not one of gbtree, gblinear, dart');
    expect(result.message).toContain('the schema accepted hyperparameters.max_depth = 3.5 (not a whole number');
  });

  it('fails (major) when a rule across fields refuses a config without naming the setting it needs', async () => {
    // The framework-mode rule written without a path: the user is told the config is wrong, not what to add.
    const schema = z.strictObject({ ...xgboostTrainingConfigSchema.shape }).superRefine((c, ctx) => {
      if (c.algorithm_mode !== 'builtin' && (c.source_dir === undefined || c.training_entry_point === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'framework mode runs a script: give source_dir and training_entry_point' });
      }
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      "with 'source_dir' left out (optional in the schema, but this config cannot go without it), the config was refused but no issue names 'source_dir'",
    );
  });

  it('fails (major) when the distribution schema counts strategies switched on, and so takes pytorchddp beside smdistributed switched off', async () => {
    // The SDK's PyTorch estimator turns pytorchddp into smdistributed.dataparallel: it refuses the two given together.
    const distribution = z.strictObject(pytorchDistributionShape).superRefine((value, ctx) => {
      const on = [value.torch_distributed?.enabled, value.pytorchddp?.enabled, value.smdistributed?.dataparallel.enabled].filter(Boolean).length;
      if (on > 1 && !(value.torch_distributed?.enabled && value.smdistributed?.dataparallel.enabled)) ctx.addIssue({ code: 'custom', message: 'one strategy' });
    });
    const schema = pytorchTrainingConfigSchema.safeExtend({ distribution: distribution.optional() });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe(
      `the schema accepted distribution = {"pytorchddp":{"enabled":true},"smdistributed":{"dataparallel":{"enabled":false}}} (sagemaker.pytorch.PyTorch refuses 'pytorchddp' with 'smdistributed' (sagemaker/pytorch/estimator.py PyTorch.__init__ ("Cannot use both pytorchddp and smdistributed distribution options together.")), SageMaker Python SDK v2.257.6)`,
    );
  });

  it('fails (major) when the instance type allow-list is loosened to any string', async () => {
    const loose = pytorchTrainingConfigSchema.safeExtend({ training_instance_type: z.string().default('ml.g5.12xlarge') });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), loose), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("the schema accepted training_instance_type = 'ml.nonexistent.xlarge' (not a SageMaker instance type)");
  });

  it('fails (major) when a "forgiving" schema silently replaces a bad count with a default', async () => {
    const forgiving = pytorchTrainingConfigSchema.safeExtend({ training_instance_count: z.number().int().min(1).catch(1) });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), forgiving), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('the schema accepted training_instance_count = 0 (below its minimum 1)');
    expect(result.message).toContain('the schema accepted training_instance_count = 1.5 (not a whole number)');
  });

  it("fails (major) when an S3 setting's pattern lost its start anchor", async () => {
    const unanchored = xgboostTrainingConfigSchema.safeExtend({
      hyperparameters_s3_uri: z
        .string()
        .regex(/s3:\/\/[^/]+\/.+$/)
        .optional(),
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), unanchored), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "the schema accepted hyperparameters_s3_uri = 'xs3://stepscore-probe-bucket/stepscore-probe/key' (a scheme other than s3://: not an S3 location)",
    );
  });

  it("fails (major) when an S3 setting's pattern accepts an empty bucket", async () => {
    const bucketless = xgboostTrainingConfigSchema.safeExtend({
      hyperparameters_s3_uri: z
        .string()
        .regex(/^s3:\/\/[^/]*\/.+$/)
        .optional(),
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), bucketless), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toBe("the schema accepted hyperparameters_s3_uri = 's3:///stepscore-probe/key' (no bucket: not an S3 location)");
  });
});
