import { checkFieldLists, fieldListShape, trainingConfigShape, type TrainingConfig } from '@stepscore/step-builder';
import { z } from 'zod';

/** The reference's list without ml.c5.large, which SageMaker's CreateTrainingJob does not accept. */
export const XGBOOST_TRAINING_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.m5.12xlarge',
  'ml.m5.24xlarge',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.c5.4xlarge',
  'ml.c5.9xlarge',
  'ml.c5.18xlarge',
  'ml.g4dn.xlarge',
  'ml.g4dn.2xlarge',
  'ml.g4dn.4xlarge',
  'ml.g4dn.8xlarge',
  'ml.g4dn.12xlarge',
  'ml.g4dn.16xlarge',
  'ml.g5.xlarge',
  'ml.g5.2xlarge',
  'ml.g5.4xlarge',
  'ml.g5.8xlarge',
  'ml.g5.12xlarge',
  'ml.g5.16xlarge',
  'ml.p3.2xlarge',
] as const;

const unitInterval = z.number().min(0).max(1);

/** The XGBoost model's settings; they travel to the script in hyperparameters.json, not on the step. */
export const xgboostHyperparametersSchema = z
  .looseObject({
    ...fieldListShape,
    num_round: z.number().int().min(1),
    max_depth: z.number().int().min(0),
    eta: unitInterval.default(0.3),
    min_child_weight: z.number().min(0).default(1.0),
    gamma: z.number().min(0).default(0.0),
    subsample: z.number().gt(0).max(1).default(1.0),
    colsample_bytree: z.number().gt(0).max(1).default(1.0),
    booster: z.enum(['gbtree', 'gblinear', 'dart']).default('gbtree'),
    tree_method: z.enum(['auto', 'exact', 'approx', 'hist', 'gpu_hist']).default('auto'),
    early_stopping_rounds: z.number().int().min(1).optional(),
  })
  .superRefine((value, ctx) => checkFieldLists(value, ctx, ' (from hyperparameters)'));

export const xgboostTrainingConfigSchema = z.strictObject({
  ...trainingConfigShape({
    frameworkLabel: 'XGBoost',
    instanceTypes: XGBOOST_TRAINING_INSTANCE_TYPES,
    defaultInstanceType: 'ml.m5.4xlarge',
    defaultFrameworkVersion: '1.7-1',
    defaultPyVersion: 'py3',
  }),
  hyperparameters: xgboostHyperparametersSchema,
  hyperparameters_s3_uri: z
    .string()
    .regex(/^s3:\/\/[^/]+\/.+$/, { error: 'must be an s3:// URI (a prefix, or a key ending in hyperparameters.json)' })
    .optional(),
});

export type XGBoostTrainingConfig = TrainingConfig & z.output<typeof xgboostTrainingConfigSchema>;
