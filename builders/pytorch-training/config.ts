import { checkFieldLists, fieldListShape, trainingConfigShape, type TrainingConfig } from '@stepscore/step-builder';
import { z } from 'zod';

/** The reference's six instance types, plus the general-purpose and small GPU types the SDK examples use. */
export const PYTORCH_TRAINING_INSTANCE_TYPES = [
  'ml.g4dn.16xlarge',
  'ml.g5.12xlarge',
  'ml.g5.16xlarge',
  'ml.p3.8xlarge',
  'ml.m5.12xlarge',
  'ml.p3.16xlarge',
  'ml.g5.xlarge',
  'ml.g5.2xlarge',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
] as const;

/** The user's hyperparameters, passed to the script as they are; field lists, when given, must agree. */
export const pytorchHyperparametersSchema = z.looseObject(fieldListShape).superRefine((value, ctx) => checkFieldLists(value, ctx));

export const pytorchTrainingConfigSchema = z
  .strictObject({
    ...trainingConfigShape({
      instanceTypes: PYTORCH_TRAINING_INSTANCE_TYPES,
      defaultInstanceType: 'ml.g5.12xlarge',
      defaultFrameworkVersion: '2.1.0',
      defaultPyVersion: 'py310',
      defaultEntryPoint: 'train.py',
    }),
    hyperparameters: pytorchHyperparametersSchema,
    enable_sagemaker_metrics: z.boolean().default(true),
    enable_checkpointing: z.boolean().default(true),
    checkpoint_s3_uri: z.string().regex(/^s3:\/\/[^/]+(\/.*)?$/, { error: 'must be an s3:// URI' }).optional(),
  });

export type PyTorchTrainingConfig = TrainingConfig &
  z.output<typeof pytorchTrainingConfigSchema> & { hyperparameters: Record<string, unknown> };
