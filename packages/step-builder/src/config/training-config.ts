import {
  processorForInstanceType,
  type PipelineExpression,
  retrieveTrainingImageUri,
  type TrainingFramework,
  trainingInstanceTypes,
} from '@stepscore/sagemaker';
import { z } from 'zod';
import { TRAINING_MAX_RUNTIME_SECONDS } from '@stepscore/sagemaker';
import { basePipelineConfigShape, type BasePipelineConfig, NAME_FIELD_MAX_LENGTH } from './base-pipeline-config.js';
import { AWS_REGION_BY_CODE, isRegionCode } from './regions.js';
import { orPipelineExpression } from './pipeline-expression-fields.js';

export interface TrainingConfigOptions {
  /** How messages name the framework, e.g. `XGBoost` in "Invalid training instance type for XGBoost". */
  readonly frameworkLabel?: string;
  readonly instanceTypes: readonly string[];
  readonly defaultInstanceType: string;
  readonly defaultFrameworkVersion: string;
  readonly defaultPyVersion: string;
  /** When set, the entry point has this default; otherwise it is required. */
  readonly defaultEntryPoint?: string;
  /** The entry point and source_dir may be left out (a built-in algorithm mode); the builder checks them per mode. */
  readonly codeOptional?: boolean;
}

const ISO_8601_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CHANNEL_NAME = /^[A-Za-z0-9.\-_]{1,64}$/;
const ABSOLUTE_CONTAINER_PATH = /^\/[^\s]*$/;

export function isIso8601Duration(value: string): boolean {
  return ISO_8601_DURATION.test(value);
}

/**
 * The service model's training instance types that a framework image can run on: every CPU and GPU
 * type (Trainium and Inferentia need Neuron images, which the framework images are not).
 */
export function frameworkTrainingInstanceTypes(): string[] {
  return trainingInstanceTypes().filter((type) => {
    try {
      processorForInstanceType(type);
      return true;
    } catch {
      return false;
    }
  });
}

const S3_TARBALL = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+\.tar\.gz$/;
const s3Uri = (what = 'an s3:// URI') => z.string().regex(S3_URI, { error: `must be ${what}` });
const positiveInt = () => z.number().int().min(1);

/** SageMaker's exception types a step retry policy may name (the SDK's StepExceptionTypeEnum and SageMakerJobExceptionTypeEnum). */
export const RETRY_EXCEPTION_TYPES = [
  'Step.SERVICE_FAULT',
  'Step.THROTTLING',
  'SageMaker.JOB_INTERNAL_ERROR',
  'SageMaker.CAPACITY_ERROR',
  'SageMaker.RESOURCE_LIMIT',
] as const;

/** One retry policy of the step: the SDK's StepRetryPolicy / SageMakerJobStepRetryPolicy. */
export const retryPolicySchema = z
  .strictObject({
    exception_types: z.array(z.enum(RETRY_EXCEPTION_TYPES)).min(1),
    interval_seconds: z.number().int().min(0).max(43_200).default(1),
    backoff_rate: z.number().min(0).default(2.0),
    max_attempts: z.number().int().min(1).max(20).optional(),
    expire_after_mins: z.number().int().min(0).max(14_400).optional(),
  })
  .superRefine((policy, ctx) => {
    if ((policy.max_attempts === undefined) === (policy.expire_after_mins === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['max_attempts'], message: 'give exactly one of max_attempts and expire_after_mins' });
    }
    const families = new Set(policy.exception_types.map((type) => type.split('.')[0]));
    if (families.size > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['exception_types'],
        message: 'one policy retries either Step.* or SageMaker.* exceptions (the SDK has a policy class for each): split them into two policies',
      });
    }
  });

/** An extra named input channel: the SDK's TrainingInput. */
export const inputChannelSchema = z.strictObject({
  s3_uri: orPipelineExpression(s3Uri()),
  content_type: orPipelineExpression(z.string().min(1)).optional(),
  input_mode: orPipelineExpression(z.enum(['File', 'Pipe', 'FastFile'])).optional(),
  distribution: orPipelineExpression(z.enum(['FullyReplicated', 'ShardedByS3Key'])).optional(),
  compression: orPipelineExpression(z.enum(['None', 'Gzip'])).optional(),
  s3_data_type: orPipelineExpression(z.enum(['S3Prefix', 'ManifestFile', 'AugmentedManifestFile'])).default('S3Prefix'),
  record_wrapping: z.enum(['None', 'RecordIO']).optional(),
});

/** A custom debugger rule, in the request's own shape (the SDK's Rule.custom). */
export const debuggerRuleSchema = z.strictObject({
  RuleConfigurationName: z.string().min(1).max(256),
  RuleEvaluatorImage: orPipelineExpression(z.string().min(1)),
  LocalPath: z.string().regex(ABSOLUTE_CONTAINER_PATH, { error: 'must be an absolute container path' }).optional(),
  S3OutputPath: orPipelineExpression(s3Uri()).optional(),
  InstanceType: z.string().min(1).optional(),
  VolumeSizeInGB: z.number().int().min(0).optional(),
  RuleParameters: z.record(z.string(), z.string()).optional(),
});

/** The fields shared by training configs; each builder adds its hyperparameters schema. */
export function trainingConfigShape(options: TrainingConfigOptions) {
  const label = options.frameworkLabel ? ` for ${options.frameworkLabel}` : '';
  const entryPoint = orPipelineExpression(z.string().regex(/^[^/].*\.py$/, { error: 'must be a Python file name ending in .py, relative to source_dir' }));
  // The framework container downloads the code and unpacks it: it must be a gzipped tarball.
  const sourceDir = orPipelineExpression(
    z.string().regex(S3_TARBALL, { error: 'must be the s3:// URI of the packaged training code, a .tar.gz (for example s3://bucket/code/sourcedir.tar.gz)' }),
  );
  return {
    ...basePipelineConfigShape,
    training_instance_type: orPipelineExpression(
      z.string().refine((v) => options.instanceTypes.includes(v), {
        error: (issue) => `Invalid training instance type${label}: ${String(issue.input)}. Must be one of: ${options.instanceTypes.join(', ')}`,
      }),
    ).default(options.defaultInstanceType),
    training_instance_count: orPipelineExpression(positiveInt()).default(1),
    training_volume_size: orPipelineExpression(positiveInt()).default(30),
    training_entry_point: options.defaultEntryPoint ? entryPoint.default(options.defaultEntryPoint) : options.codeOptional ? entryPoint.optional() : entryPoint,
    source_dir: options.codeOptional ? sourceDir.optional() : sourceDir,
    framework_version: z.string().min(1).default(options.defaultFrameworkVersion),
    py_version: z
      .string()
      .regex(/^py\d+$/, { error: "must look like 'py3' or 'py310'" })
      .default(options.defaultPyVersion),
    image_uri: orPipelineExpression(z.string().min(1)).optional(),
    max_runtime_in_seconds: orPipelineExpression(positiveInt().max(TRAINING_MAX_RUNTIME_SECONDS)).default(86_400),
    output_path: orPipelineExpression(s3Uri()).optional(),
    output_kms_key: orPipelineExpression(z.string().min(1)).optional(),
    volume_kms_key: orPipelineExpression(z.string().min(1)).optional(),
    env: z
      .record(z.string().regex(ENV_VAR_NAME, { error: 'environment variable names must match [A-Za-z_][A-Za-z0-9_]*' }), orPipelineExpression(z.string()))
      .optional(),
    input_mode: orPipelineExpression(z.enum(['File', 'Pipe', 'FastFile'])).default('File'),
    input_content_type: orPipelineExpression(z.string().min(1)).optional(),
    input_channels: z
      .record(z.string().regex(CHANNEL_NAME, { error: 'channel names are 1-64 letters, digits, dots, hyphens and underscores' }), inputChannelSchema)
      .optional(),
    model_uri: orPipelineExpression(s3Uri()).optional(),
    model_channel_name: z
      .string()
      .regex(CHANNEL_NAME, { error: 'must be a channel name: 1-64 letters, digits, dots, hyphens and underscores' })
      .default('model'),
    metric_definitions: z
      .array(z.strictObject({ Name: z.string().min(1).max(255), Regex: orPipelineExpression(z.string().min(1).max(500)) }))
      .max(40)
      .optional(),
    container_log_level: orPipelineExpression(z.number().int().min(0).max(50)).default(20),
    use_spot_instances: orPipelineExpression(z.boolean()).default(false),
    max_wait: orPipelineExpression(positiveInt()).optional(),
    max_retry_attempts: orPipelineExpression(z.number().int().min(1).max(30)).optional(),
    subnets: z
      .array(orPipelineExpression(z.string().min(1)))
      .min(1)
      .max(16)
      .optional(),
    security_group_ids: z
      .array(orPipelineExpression(z.string().min(1)))
      .min(1)
      .max(5)
      .optional(),
    enable_network_isolation: z.boolean().default(false),
    encrypt_inter_container_traffic: orPipelineExpression(z.boolean()).default(false),
    checkpoint_s3_uri: orPipelineExpression(s3Uri()).optional(),
    checkpoint_local_path: orPipelineExpression(
      z.string().regex(ABSOLUTE_CONTAINER_PATH, { error: 'must be an absolute container path such as /opt/ml/checkpoints' }),
    ).optional(),
    tensorboard_output_config: z
      .strictObject({
        s3_output_path: orPipelineExpression(s3Uri()),
        container_local_output_path: z.string().regex(ABSOLUTE_CONTAINER_PATH, { error: 'must be an absolute container path' }).optional(),
      })
      .optional(),
    enable_caching: z.boolean().default(true),
    cache_expire_after: z.string().refine(isIso8601Duration, { error: "must be an ISO-8601 duration such as 'P30D' or 'PT1H'" }).default('P30D'),
    debugger_hook_config: z.boolean().default(true),
    debugger_rules: z.array(debuggerRuleSchema).max(20).optional(),
    disable_profiler: z.boolean().default(true),
    profiler_s3_output_path: orPipelineExpression(s3Uri()).optional(),
    profiling_interval_millis: z.union([z.literal(100), z.literal(200), z.literal(500), z.literal(1000), z.literal(5000), z.literal(60000)]).optional(),
    retry_policies: z.array(retryPolicySchema).optional(),
    step_name: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be 1-64 letters, digits and hyphens' })
      .optional(),
    step_display_name: z.string().min(1).max(82).optional(),
    step_description: z.string().max(3072).optional(),
    depends_on: z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must name a step: 1-64 letters, digits and hyphens' })).optional(),
    job_type: z
      .string()
      .max(NAME_FIELD_MAX_LENGTH)
      .regex(/^[A-Za-z0-9]+$/, { error: 'must be letters and digits' })
      .optional(),
  };
}

/** Cross-field rules the SDK or the service enforce; add with `.superRefine(checkTrainingSettings)`. */
export function checkTrainingSettings(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (config['max_wait'] !== undefined && config['use_spot_instances'] === false) {
    issue('max_wait', 'max_wait applies to managed spot training only: set use_spot_instances to true or remove max_wait');
  }
  const maxWait = config['max_wait'];
  const maxRun = config['max_runtime_in_seconds'];
  if (typeof maxWait === 'number' && typeof maxRun === 'number' && maxWait < maxRun) {
    issue('max_wait', `max_wait (${maxWait}) must be at least max_runtime_in_seconds (${maxRun})`);
  }
  if ((config['subnets'] === undefined) !== (config['security_group_ids'] === undefined)) {
    issue(config['subnets'] === undefined ? 'subnets' : 'security_group_ids', 'a VPC needs both subnets and security_group_ids');
  }
  if (config['disable_profiler'] === true) {
    for (const field of ['profiler_s3_output_path', 'profiling_interval_millis']) {
      if (config[field] !== undefined) issue(field, `${field} needs the profiler on: set disable_profiler to false`);
    }
  }
  const channels = config['input_channels'] as Record<string, unknown> | undefined;
  if (channels && config['model_uri'] !== undefined && typeof config['model_channel_name'] === 'string' && config['model_channel_name'] in channels) {
    issue('model_channel_name', `channel '${config['model_channel_name']}' is both an input channel and the model channel`);
  }
}

/**
 * A framework's versions do not all have an image for every processor (XGBoost 1.0-1 has no GPU image): when the
 * versions, instance type and region are literals and no image_uri is given, the config names an image that exists.
 */
export function checkTrainingImage(framework: TrainingFramework) {
  return (config: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const { framework_version: version, py_version: pyVersion, training_instance_type: instanceType, region, image_uri: imageUri } = config;
    if (imageUri !== undefined || typeof version !== 'string' || typeof instanceType !== 'string' || !isRegionCode(region)) return;
    try {
      retrieveTrainingImageUri({
        framework,
        version,
        pyVersion: typeof pyVersion === 'string' ? pyVersion : undefined,
        instanceType,
        region: AWS_REGION_BY_CODE[region],
      });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['training_instance_type'], input: instanceType, message: error instanceof Error ? error.message : String(error) });
    }
  };
}

export type PipelineNumber = number | PipelineExpression;
export type PipelineString = string | PipelineExpression;
export type PipelineBoolean = boolean | PipelineExpression;

export interface InputChannelSettings {
  s3_uri: PipelineString;
  content_type?: PipelineString | undefined;
  input_mode?: PipelineString | undefined;
  distribution?: PipelineString | undefined;
  compression?: PipelineString | undefined;
  s3_data_type: PipelineString;
  record_wrapping?: 'None' | 'RecordIO' | undefined;
}

export interface RetryPolicySettings {
  exception_types: string[];
  interval_seconds: number;
  backoff_rate: number;
  max_attempts?: number | undefined;
  expire_after_mins?: number | undefined;
}

/** A training config's fields; those `orPipelineExpression` marks may hold a pipeline expression. */
export interface TrainingStepConfigFields {
  training_instance_type: PipelineString;
  training_instance_count: PipelineNumber;
  training_volume_size: PipelineNumber;
  training_entry_point: PipelineString;
  source_dir: PipelineString;
  framework_version: string;
  py_version: string;
  image_uri?: PipelineString | undefined;
  max_runtime_in_seconds: PipelineNumber;
  output_path?: PipelineString | undefined;
  output_kms_key?: PipelineString | undefined;
  volume_kms_key?: PipelineString | undefined;
  env?: Record<string, PipelineString> | undefined;
  input_mode: PipelineString;
  /** The ContentType of the channels the builder makes from its data input. */
  input_content_type?: PipelineString | undefined;
  input_channels?: Record<string, InputChannelSettings> | undefined;
  model_uri?: PipelineString | undefined;
  model_channel_name: string;
  metric_definitions?: { Name: string; Regex: PipelineString }[] | undefined;
  container_log_level: PipelineNumber;
  use_spot_instances: PipelineBoolean;
  max_wait?: PipelineNumber | undefined;
  max_retry_attempts?: PipelineNumber | undefined;
  subnets?: PipelineString[] | undefined;
  security_group_ids?: PipelineString[] | undefined;
  enable_network_isolation: boolean;
  encrypt_inter_container_traffic: PipelineBoolean;
  checkpoint_s3_uri?: PipelineString | undefined;
  checkpoint_local_path?: PipelineString | undefined;
  tensorboard_output_config?: { s3_output_path: PipelineString; container_local_output_path?: string | undefined } | undefined;
  enable_caching: boolean;
  cache_expire_after: string;
  debugger_hook_config: boolean;
  debugger_rules?: Record<string, unknown>[] | undefined;
  disable_profiler: boolean;
  profiler_s3_output_path?: PipelineString | undefined;
  profiling_interval_millis?: number | undefined;
  retry_policies?: RetryPolicySettings[] | undefined;
  step_name?: string | undefined;
  step_display_name?: string | undefined;
  step_description?: string | undefined;
  depends_on?: string[] | undefined;
  job_type?: string | undefined;
  hyperparameters: Record<string, unknown>;
}

export type TrainingStepConfig = BasePipelineConfig & TrainingStepConfigFields;

/**
 * A training config whose settings are all literal values (no pipeline expression anywhere): the view code
 * written before expressions existed assumes. Builders take `TrainingStepConfig`.
 */
export type TrainingConfigFields = Omit<
  TrainingStepConfigFields,
  | 'training_instance_type'
  | 'training_instance_count'
  | 'training_volume_size'
  | 'training_entry_point'
  | 'source_dir'
  | 'max_runtime_in_seconds'
  | 'output_path'
  | 'env'
> & {
  training_instance_type: string;
  training_instance_count: number;
  training_volume_size: number;
  training_entry_point: string;
  source_dir: string;
  max_runtime_in_seconds: number;
  output_path?: string | undefined;
  env?: Record<string, string> | undefined;
};

export type TrainingConfig = BasePipelineConfig & TrainingConfigFields;
