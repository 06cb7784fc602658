import { z } from 'zod';
import { basePipelineConfigShape, type BasePipelineConfig } from './base-pipeline-config.js';
import { entryPointField, type JobType, oneOfField, s3UriField, stepCommonShape } from './common-fields.js';

export interface ProcessingConfigOptions {
  /** How messages name the processor, e.g. `scikit-learn`. */
  readonly frameworkLabel: string;
  readonly instanceTypes: readonly string[];
  readonly defaultInstanceType: string;
  readonly frameworkVersions: readonly string[];
  readonly defaultFrameworkVersion: string;
  readonly defaultEntryPoint: string;
  /** What the source dir must be, e.g. 'the s3:// folder holding the script'. */
  readonly sourceDirDescription: string;
}

/** The settings a Processing builder cannot create a job without. */
export const PROCESSING_SETTINGS = [
  'processing_instance_type',
  'processing_instance_count',
  'processing_volume_size',
  'processing_entry_point',
  'processing_source_dir',
  'processing_framework_version',
] as const;

/** The fields shared by processing configs; each builder adds its own (job type, labels, ratios...). */
export function processingConfigShape(options: ProcessingConfigOptions) {
  return {
    ...basePipelineConfigShape,
    ...stepCommonShape,
    processing_instance_type: oneOfField(`processing instance type for ${options.frameworkLabel}`, options.instanceTypes).default(options.defaultInstanceType),
    processing_instance_count: z.number().int().min(1).max(100).default(1),
    processing_volume_size: z.number().int().min(1).max(16_384).default(30),
    processing_entry_point: entryPointField(options.defaultEntryPoint),
    processing_source_dir: s3UriField(options.sourceDirDescription),
    processing_framework_version: oneOfField(`${options.frameworkLabel} framework version`, options.frameworkVersions).default(options.defaultFrameworkVersion),
    max_runtime_in_seconds: z.number().int().min(1).max(777_600).optional(),
  };
}

export interface ProcessingConfigFields {
  processing_instance_type: string;
  processing_instance_count: number;
  processing_volume_size: number;
  processing_entry_point: string;
  processing_source_dir: string;
  processing_framework_version: string;
  max_runtime_in_seconds?: number | undefined;
  env?: Record<string, string> | undefined;
  enable_caching: boolean;
  cache_expire_after: string;
  job_type?: JobType | undefined;
}

export type ProcessingConfig = BasePipelineConfig & ProcessingConfigFields;
