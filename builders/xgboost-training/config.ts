import {
  checkFieldLists,
  checkTrainingImage,
  checkTrainingSettings,
  fieldListShape,
  frameworkTrainingInstanceTypes,
  pythonNumber,
  trainingConfigShape,
  type TrainingStepConfig,
} from '@stepscore/step-builder';
import { isPipelineExpression } from '@stepscore/sagemaker';
import { z } from 'zod';

/** Every CPU and GPU training instance type of the service model: the XGBoost image (1.7-1 and later) runs on both. */
export const XGBOOST_TRAINING_INSTANCE_TYPES: readonly string[] = frameworkTrainingInstanceTypes();

const unitInterval = z.number().min(0).max(1);

/** What the script assumes for the settings a framework-mode config leaves out; written into hyperparameters.json. */
export const XGBOOST_SCRIPT_DEFAULTS = {
  eta: 0.3,
  min_child_weight: 1.0,
  gamma: 0.0,
  subsample: 1.0,
  colsample_bytree: 1.0,
  booster: 'gbtree',
  tree_method: 'auto',
} as const;

/** The XGBoost model's settings (num_round is required by the built-in algorithm too): in hyperparameters.json for the script (framework mode), on the step for the built-in algorithm. */
export const xgboostHyperparametersSchema = z
  .looseObject({
    ...fieldListShape,
    num_round: pythonNumber(z.number().int().min(1)),
    max_depth: pythonNumber(z.number().int().min(0)).optional(),
    eta: pythonNumber(unitInterval).optional(),
    min_child_weight: pythonNumber(z.number().min(0)).optional(),
    gamma: pythonNumber(z.number().min(0)).optional(),
    subsample: pythonNumber(z.number().gt(0).max(1)).optional(),
    colsample_bytree: pythonNumber(z.number().gt(0).max(1)).optional(),
    booster: z.enum(['gbtree', 'gblinear', 'dart']).optional(),
    tree_method: z.enum(['auto', 'exact', 'approx', 'hist', 'gpu_hist']).optional(),
    early_stopping_rounds: pythonNumber(z.number().int().min(1)).optional(),
  })
  .superRefine((value, ctx) => checkFieldLists(value, ctx, ' (from hyperparameters)'));

// Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
const HYPERPARAMETERS_S3_URI_MESSAGE = 'must be an s3:// URI (a prefix, or a key ending in hyperparameters.json)';

/** The config's settings before the rules across them: a schema variant (a test, a seeded defect) spreads it and edits one. */
export const xgboostTrainingConfigShape = {
  ...trainingConfigShape({
    // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
    frameworkLabel: 'XGBoost',
    instanceTypes: XGBOOST_TRAINING_INSTANCE_TYPES,
    defaultInstanceType: 'ml.m5.4xlarge',
    defaultFrameworkVersion: '1.7-1',
    defaultPyVersion: 'py3',
    codeOptional: true,
  }),
  /** `framework`: the user's script (entry point, source_dir, hyperparameters.json); `builtin`: SageMaker's XGBoost algorithm. */
  algorithm_mode: z.enum(['framework', 'builtin']).default('framework'),
  hyperparameters: xgboostHyperparametersSchema,
  hyperparameters_s3_uri: z
    .string()
    .regex(/^s3:\/\/[^/]+\/.+$/, { error: HYPERPARAMETERS_S3_URI_MESSAGE })
    .optional(),
};

export const xgboostTrainingConfigSchema = z
  .strictObject(xgboostTrainingConfigShape)
  .superRefine(checkTrainingImage('xgboost'))
  .superRefine((config, ctx) => {
    checkTrainingSettings(config, ctx);
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (config.algorithm_mode === 'framework') {
      const missing = (path: string[], expected: 'string' | 'number') =>
        ctx.addIssue({ code: 'invalid_type', expected, input: undefined, path, message: `required field is missing (expected ${expected})` });
      if (config.hyperparameters.max_depth === undefined) missing(['hyperparameters', 'max_depth'], 'number');
      if (config.training_entry_point === undefined) missing(['training_entry_point'], 'string');
      if (config.source_dir === undefined) missing(['source_dir'], 'string');
      for (const [name, value] of Object.entries(config.hyperparameters)) {
        if (isPipelineExpression(value)) {
          issue(
            ['hyperparameters', name],
            'framework mode writes hyperparameters to hyperparameters.json when the pipeline is defined, so a value cannot be a pipeline expression (algorithm_mode builtin can)',
          );
        }
      }
    } else {
      for (const field of ['training_entry_point', 'source_dir', 'hyperparameters_s3_uri'] as const) {
        // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
        if (config[field] !== undefined) issue([field], `the built-in algorithm runs no script: remove ${field} or set algorithm_mode to framework`);
      }
    }
  });

export type XGBoostTrainingConfig = TrainingStepConfig & z.output<typeof xgboostTrainingConfigSchema>;
