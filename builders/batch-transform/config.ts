import { checkTransformJoin, jobTypeField, type JobType, transformConfigShape, type TransformConfig } from '@stepscore/step-builder';
import { z } from 'zod';

export const TRANSFORM_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.c5.4xlarge',
  'ml.g4dn.xlarge',
  'ml.p3.2xlarge',
] as const;

export const batchTransformConfigSchema = z
  .strictObject({
    ...transformConfigShape({ instanceTypes: TRANSFORM_INSTANCE_TYPES, defaultInstanceType: 'ml.m5.large' }),
    job_type: jobTypeField('testing'),
  })
  .superRefine(checkTransformJoin);

export type BatchTransformConfig = TransformConfig & z.output<typeof batchTransformConfigSchema> & { job_type: JobType };
