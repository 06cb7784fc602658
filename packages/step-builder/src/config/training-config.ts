import { z } from 'zod';
import { TRAINING_MAX_RUNTIME_SECONDS } from '@stepscore/sagemaker';
import { basePipelineConfigShape, type BasePipelineConfig, NAME_FIELD_MAX_LENGTH } from './base-pipeline-config.js';

export interface TrainingConfigOptions {
  /** How messages name the framework, e.g. `XGBoost` in "Invalid training instance type for XGBoost". */
  readonly frameworkLabel?: string;
  readonly instanceTypes: readonly string[];
  readonly defaultInstanceType: string;
  readonly defaultFrameworkVersion: string;
  readonly defaultPyVersion: string;
  /** When set, the entry point has this default; otherwise it is required. */
  readonly defaultEntryPoint?: string;
}

const ISO_8601_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isIso8601Duration(value: string): boolean {
  return ISO_8601_DURATION.test(value);
}

/** The fields shared by training configs; each builder adds its hyperparameters schema. */
export function trainingConfigShape(options: TrainingConfigOptions) {
  const label = options.frameworkLabel ? ` for ${options.frameworkLabel}` : '';
  const entryPoint = z.string().regex(/^[^/].*\.py$/, { error: 'must be a Python file name ending in .py, relative to source_dir' });
  return {
    ...basePipelineConfigShape,
    training_instance_type: z
      .string()
      .refine((v) => options.instanceTypes.includes(v), {
        error: (issue) => `Invalid training instance type${label}: ${String(issue.input)}. Must be one of: ${options.instanceTypes.join(', ')}`,
      })
      .default(options.defaultInstanceType),
    training_instance_count: z.number().int().min(1).default(1),
    training_volume_size: z.number().int().min(1).default(30),
    training_entry_point: options.defaultEntryPoint ? entryPoint.default(options.defaultEntryPoint) : entryPoint,
    source_dir: z.string().regex(S3_URI, { error: 'must be the s3:// URI of the packaged training code (for example s3://bucket/code/sourcedir.tar.gz)' }),
    framework_version: z.string().min(1).default(options.defaultFrameworkVersion),
    py_version: z.string().regex(/^py\d+$/, { error: "must look like 'py3' or 'py310'" }).default(options.defaultPyVersion),
    max_runtime_in_seconds: z.number().int().min(1).max(TRAINING_MAX_RUNTIME_SECONDS).default(86_400),
    output_path: z.string().regex(S3_URI, { error: 'must be an s3:// URI' }).optional(),
    env: z.record(z.string().regex(ENV_VAR_NAME, { error: 'environment variable names must match [A-Za-z_][A-Za-z0-9_]*' }), z.string()).optional(),
    enable_caching: z.boolean().default(true),
    cache_expire_after: z
      .string()
      .refine(isIso8601Duration, { error: "must be an ISO-8601 duration such as 'P30D' or 'PT1H'" })
      .default('P30D'),
    debugger_hook_config: z.boolean().default(true),
    disable_profiler: z.boolean().default(true),
    job_type: z.string().max(NAME_FIELD_MAX_LENGTH).regex(/^[A-Za-z0-9]+$/, { error: 'must be letters and digits' }).optional(),
  };
}

export interface TrainingConfigFields {
  training_instance_type: string;
  training_instance_count: number;
  training_volume_size: number;
  training_entry_point: string;
  source_dir: string;
  framework_version: string;
  py_version: string;
  max_runtime_in_seconds: number;
  output_path?: string | undefined;
  env?: Record<string, string> | undefined;
  enable_caching: boolean;
  cache_expire_after: string;
  debugger_hook_config: boolean;
  disable_profiler: boolean;
  job_type?: string | undefined;
  hyperparameters: Record<string, unknown>;
}

export type TrainingConfig = BasePipelineConfig & TrainingConfigFields;
