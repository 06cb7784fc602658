import { checkTrainingImage, inferenceFrameworkVersions, modelConfigShape } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PYTORCH_INFERENCE_INSTANCE_TYPES } from '../../../../builders/pytorch-model/config.js';
import { PyTorchTrainingStepBuilder, pytorchTrainingConfigSchema } from '../../../../builders/pytorch-training/index.js';
import { xgboostModelConfigShape } from '../../../../builders/xgboost-model/config.js';
import { type TabularPreprocessingConfig, TabularPreprocessingStepBuilder } from '../../../../builders/tabular-preprocessing/index.js';
import { xgboostHyperparametersSchema, xgboostTrainingConfigSchema, xgboostTrainingConfigShape } from '../../../../builders/xgboost-training/config.js';
import { builderRegistry, buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withConfigSchema } from '../../support/broken-builders.js';

const ID = 'level1.valid_scenarios_accepted';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/^\d+ scenario\(s\) accepted: default/);
  });

  it("fails (blocker) when a setting's default is not one of its own values (renamed values, default left behind)", async () => {
    const schema = xgboostTrainingConfigSchema.safeExtend({
      algorithm_mode: z.enum(['script', 'builtin']).default('framework' as 'script'),
    } as unknown as Pick<typeof xgboostTrainingConfigSchema.shape, 'algorithm_mode'>);
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^scenario 'defaults-spelled-out' \(every field the schema gives a default written out at that default\): the config was refused: .*algorithm_mode/s,
    );
  });

  it('fails (blocker) when the schema declares a mode that no config can use (source_dir required in every mode)', async () => {
    // The author requires the script's bundle everywhere, forgetting that the built-in mode refuses one.
    const schema = xgboostTrainingConfigSchema.superRefine((config, ctx) => {
      if (config.source_dir === undefined) ctx.addIssue({ code: 'custom', path: ['source_dir'], message: 'source_dir is required' });
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toBe(
      'algorithm_mode = "builtin" is one of the values the schema declares, yet the schema refuses it in the default config and with every optional setting left out: no config can use it',
    );
  });

  it('does not call a mode unusable when it asks for a setting of its own that the default config does not give', async () => {
    // The built-in mode needs a setting only it reads; which value would do, the harness cannot know.
    const schema = xgboostTrainingConfigSchema.safeExtend({ builtin_objective: z.string().optional() }).superRefine((config, ctx) => {
      if (config.algorithm_mode === 'builtin' && config.builtin_objective === undefined) {
        ctx.addIssue({
          code: 'invalid_type',
          expected: 'string',
          input: undefined,
          path: ['builtin_objective'],
          message: 'the built-in mode needs builtin_objective',
        });
      }
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status, result.message).toBe('pass');
    expect(result.message).not.toContain('no config can use it');
  });

  it('fails (blocker) when the distribution schema refuses torch_distributed beside smdistributed, which the SDK documents together', async () => {
    // "One strategy at a time", read literally: the SMP v2 set-up (torch_distributed with smdistributed) is refused.
    const enabled = z.strictObject({ enabled: z.boolean() });
    const distribution = z
      .strictObject({
        torch_distributed: enabled.optional(),
        smdistributed: z.strictObject({ dataparallel: z.strictObject({ enabled: z.boolean() }) }).optional(),
        mpi: z.strictObject({ enabled: z.boolean(), processes_per_host: z.number().int().min(1).optional() }).optional(),
      })
      .refine((value) => Object.keys(value).length <= 1, { error: 'enable one distribution strategy' });
    const schema = pytorchTrainingConfigSchema.safeExtend({ distribution: distribution.optional() });
    const result = await runCheck(withConfigSchema(realBuilder('PyTorchTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^scenario 'sdk-distribution-torch_distributed-smdistributed' \(torch_distributed and smdistributed together, documented together: .*the config was refused: .*distribution/s,
    );
  });

  it('fails (blocker) when a hyperparameter enum lost a value the XGBoost algorithm documents (a typo in it)', async () => {
    const hyperparameters = z.looseObject({ ...xgboostHyperparametersSchema.shape, booster: z.enum(['gbtree', 'gblinaer', 'dart']).optional() });
    // The typo changes the schema's output type, which safeExtend would refuse to type-check.
    const schema = xgboostTrainingConfigSchema.safeExtend({ hyperparameters } as unknown as { hyperparameters: typeof xgboostHyperparametersSchema });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^scenario 'documented-hyperparameters-2' \(hyperparameters at values the SageMaker XGBoost algorithm documents as valid \(set 2\)\): the config was refused: .*hyperparameters\.booster/s,
    );
  });

  it('fails (blocker) when an optional S3 setting accepts no well-formed S3 location (a pattern missing its +)', async () => {
    // `[^/]` where `[^/]+` was meant: only one-character buckets pass, so every real location is refused.
    const schema = xgboostTrainingConfigSchema.safeExtend({
      hyperparameters_s3_uri: z
        .string()
        .regex(/^s3:\/\/[^/]\/.+$/)
        .optional(),
    });
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), schema), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^scenario 's3-location-hyperparameters_s3_uri' \(hyperparameters_s3_uri set to a well-formed S3 location, though its schema refuses every one probed\): the config was refused: .*- hyperparameters_s3_uri: /s,
    );
  });

  it('fails (blocker) when the builder refuses a CPU instance type its own schema accepts', async () => {
    const Picky = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override validateConfiguration(): void {
          super.validateConfiguration();
          const type = String(this.config.training_instance_type);
          if (!/^ml\.(g|p)\d/.test(type)) throw new Error(`PyTorch training needs a GPU instance, got ${type}`);
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Picky), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^scenario 'cpu' \(CPU instance types the schema accepts\): the builder could not be constructed: PyTorch training needs a GPU instance, got ml\.[a-z]\w*\.\w+/,
    );
    expect(result.message).not.toContain("scenario 'gpu'");
  });

  it('fails (blocker) when the builder refuses the long names its schema accepts', async () => {
    const ShortNames = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override validateConfiguration(): void {
          super.validateConfiguration();
          if (this.config.pipeline_name.length > 100) throw new Error(`pipeline name too long: ${this.config.pipeline_name.length} characters`);
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), ShortNames), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /^scenario 'max-names' \(every name field at the longest value the schema accepts\): the builder could not be constructed: pipeline name too long: \d+ characters/,
    );
  });

  it('fails when a default the schema fills in is empty: only the minimal scenario leaves the field out', async () => {
    // The default config spells out framework_version, so every other scenario builds.
    const emptyDefault = z.strictObject(
      modelConfigShape({
        frameworkLabel: 'PyTorch',
        instanceTypes: PYTORCH_INFERENCE_INSTANCE_TYPES,
        defaultInstanceType: 'ml.m5.large',
        frameworkVersions: inferenceFrameworkVersions('pytorch'),
        defaultFrameworkVersion: '',
        defaultPyVersion: 'py310',
        defaultEntryPoint: 'inference.py',
      }),
    );
    const result = await runCheck(withConfigSchema(builderRegistry.get('PyTorchModel'), emptyDefault), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^scenario 'minimal' \(every field the schema gives a default left out: the builder's own defaults\): the builder could not be constructed: .*framework_version/,
    );
  });

  it('fails when the builder knows only some of the job types its schema accepts: the enum scenarios build the others', async () => {
    const TwoJobTypes = {
      TabularPreprocessingStepBuilder: class extends TabularPreprocessingStepBuilder {
        constructor(config: TabularPreprocessingConfig) {
          super(config);
          if (!['training', 'calibration'].includes(config.job_type)) throw new Error(`no specification for job type '${config.job_type}'`);
        }
      },
    }.TabularPreprocessingStepBuilder;
    const result = await runCheck(withBuilderClass(builderRegistry.get('TabularPreprocessing'), TwoJobTypes), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      "scenario 'enum-job_type-validation' (job_type = 'validation' (another of its values)): the builder could not be constructed: no specification for job type 'validation'",
    );
    expect(result.message).toContain("scenario 'enum-job_type-testing'");
    expect(result.message).not.toContain("'enum-job_type-calibration'");
  });

  it('fails when the schema lets an optional setting go that the builder cannot do without', async () => {
    // Framework mode runs the user's script, but this schema forgot to require its entry point and source folder.
    const scriptOptional = z.strictObject(xgboostTrainingConfigShape).superRefine(checkTrainingImage('xgboost'));
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostTraining'), scriptOptional), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^scenario 'optional-left-out' \(every optional setting the schema lets go left out\): the builder could not be constructed: /,
    );
  });

  it('fails (blocker) when a schema lost the rule that two optional settings go together: each is tried alone', async () => {
    // XGBoostModel's schema without its "inference_entry_point and source_dir go together" refinement: the builder
    // still needs the bundle for the script, and refuses the config the schema let through.
    const unpaired = z.strictObject(xgboostModelConfigShape);
    const result = await runCheck(withConfigSchema(realBuilder('XGBoostModel'), unpaired), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("scenario 'left-out-source_dir' ('source_dir' alone left out (the schema lets it go))");
    expect(result.message).toContain('source_dir');
  });
});
