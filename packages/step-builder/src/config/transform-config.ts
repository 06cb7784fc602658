import { TRANSFORM_MAX_PAYLOAD_MB } from '@stepscore/sagemaker';
import { z } from 'zod';
import { basePipelineConfigShape, type BasePipelineConfig } from './base-pipeline-config.js';
import { type JobType, oneOfField, s3UriField, stepCommonShape } from './common-fields.js';

export interface TransformConfigOptions {
  readonly instanceTypes: readonly string[];
  readonly defaultInstanceType: string;
}

export const TRANSFORM_SETTINGS = ['transform_instance_type', 'transform_instance_count'] as const;

const MIME_TYPE = /^[-\w.+]+\/[-\w.+]+$/;

/** The batch-transform settings: resources, how records are split and joined, and where results go. */
export function transformConfigShape(options: TransformConfigOptions) {
  return {
    ...basePipelineConfigShape,
    ...stepCommonShape,
    transform_instance_type: oneOfField('transform instance type', options.instanceTypes).default(options.defaultInstanceType),
    transform_instance_count: z.number().int().min(1).max(100).default(1),
    content_type: z.string().regex(MIME_TYPE, { error: "must be a MIME type such as 'text/csv'" }).default('text/csv'),
    accept: z.string().regex(MIME_TYPE, { error: "must be a MIME type such as 'text/csv'" }).default('text/csv'),
    split_type: z.enum(['None', 'Line', 'RecordIO', 'TFRecord']).default('Line'),
    assemble_with: z.enum(['None', 'Line']).default('Line'),
    compression_type: z.enum(['None', 'Gzip']).optional(),
    batch_strategy: z.enum(['MultiRecord', 'SingleRecord']).optional(),
    max_payload_in_mb: z.number().int().min(0).max(100).optional(),
    max_concurrent_transforms: z.number().int().min(0).optional(),
    input_filter: z.string().min(1).max(63).optional(),
    output_filter: z.string().min(1).max(63).optional(),
    join_source: z.enum(['None', 'Input']).optional(),
    output_path: s3UriField().optional(),
  };
}

/** SageMaker's payload when MaxPayloadInMB is left out. */
const DEFAULT_MAX_PAYLOAD_MB = 6;

interface TransformRuleFields {
  join_source?: string | undefined;
  split_type: string;
  assemble_with: string;
  max_payload_in_mb?: number | undefined;
  max_concurrent_transforms?: number | undefined;
}

/**
 * SageMaker joins input and output record by record, so both must be split and assembled the same way; and it
 * refuses a job whose concurrent transforms times the payload exceed TRANSFORM_MAX_PAYLOAD_MB.
 */
export function checkTransformJoin(value: TransformRuleFields, ctx: z.RefinementCtx): void {
  const concurrency = value.max_concurrent_transforms ?? 0;
  const payload = value.max_payload_in_mb ?? DEFAULT_MAX_PAYLOAD_MB;
  if (concurrency * payload > TRANSFORM_MAX_PAYLOAD_MB) {
    ctx.addIssue({
      code: 'custom',
      path: ['max_concurrent_transforms'],
      input: value.max_concurrent_transforms,
      message: `max_concurrent_transforms (${concurrency}) times max_payload_in_mb (${payload}) must be at most ${TRANSFORM_MAX_PAYLOAD_MB} MB`,
    });
  }
  if (value.join_source === 'Input' && value.assemble_with !== value.split_type) {
    ctx.addIssue({
      code: 'custom',
      path: ['assemble_with'],
      input: value.assemble_with,
      message: `when join_source='Input', assemble_with must equal split_type ('${value.split_type}')`,
    });
  }
}

export interface TransformConfigFields {
  transform_instance_type: string;
  transform_instance_count: number;
  content_type: string;
  accept: string;
  split_type: 'None' | 'Line' | 'RecordIO' | 'TFRecord';
  assemble_with: 'None' | 'Line';
  compression_type?: 'None' | 'Gzip' | undefined;
  batch_strategy?: 'MultiRecord' | 'SingleRecord' | undefined;
  max_payload_in_mb?: number | undefined;
  max_concurrent_transforms?: number | undefined;
  input_filter?: string | undefined;
  output_filter?: string | undefined;
  join_source?: 'None' | 'Input' | undefined;
  output_path?: string | undefined;
  env?: Record<string, string> | undefined;
  enable_caching: boolean;
  cache_expire_after: string;
  job_type?: JobType | undefined;
}

export type TransformConfig = BasePipelineConfig & TransformConfigFields;
