import { z } from 'zod';
import { AWS_REGION_BY_CODE, type RegionCode, invalidRegionMessage, isRegionCode } from './regions.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The longest value of each name field: four of them make the pipeline name, which goes into every S3 location the
 * pipeline writes, and SageMaker allows a pipeline name of 256 characters and an S3 URI of 1024.
 */
export const NAME_FIELD_MAX_LENGTH = 63;

/** The fields every pipeline config has (the reference's tier 1 and tier 2). */
export const basePipelineConfigShape = {
  author: z.string().min(1).max(NAME_FIELD_MAX_LENGTH),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens' }),
  role: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/, {
    error: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerRole',
  }),
  region: z.string().refine(isRegionCode, { error: (issue) => invalidRegionMessage(issue.input) }),
  service_name: z
    .string()
    .min(1)
    .max(NAME_FIELD_MAX_LENGTH)
    .regex(/^[A-Za-z0-9-]+$/, { error: 'must be letters, digits and hyphens (it becomes part of the pipeline name)' }),
  pipeline_version: z.string().min(1).max(NAME_FIELD_MAX_LENGTH),
  model_class: z
    .string()
    .min(1)
    .max(NAME_FIELD_MAX_LENGTH)
    .regex(/^[A-Za-z0-9-]+$/, { error: 'must be letters, digits and hyphens' })
    .default('xgboost'),
  current_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' })
    .default(today),
};

/**
 * The fields whose values become part of pipeline, step, job and S3 names: a tool that tries the longest values a
 * config accepts tries these (each builder's config may add none, some or all of them).
 */
export const NAME_FIELDS: readonly string[] = ['author', 'service_name', 'pipeline_version', 'model_class', 'job_type'];

export interface DerivedPipelineFields {
  readonly aws_region: string;
  readonly pipeline_name: string;
  readonly pipeline_description: string;
  readonly pipeline_s3_loc: string;
}

export interface BasePipelineConfigFields {
  author: string;
  bucket: string;
  role: string;
  region: string;
  service_name: string;
  pipeline_version: string;
  model_class: string;
  current_date: string;
}

export type BasePipelineConfig = BasePipelineConfigFields & DerivedPipelineFields;

export function derivePipelineFields(config: BasePipelineConfigFields): DerivedPipelineFields {
  const pipelineName = `${config.author}-${config.service_name}-${config.model_class}-${config.region}`;
  return {
    aws_region: AWS_REGION_BY_CODE[config.region as RegionCode],
    pipeline_name: pipelineName,
    pipeline_description: `${config.service_name} ${config.model_class} Model ${config.region}`,
    pipeline_s3_loc: `s3://${config.bucket}/MODS/${pipelineName}_${config.pipeline_version}`,
  };
}
