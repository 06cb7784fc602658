import {
  type EncodedHyperparameters,
  frameworkEstimatorDefaultsFor,
  frameworkHyperparameters,
  isPipelineExpression,
  pythonJsonDumps,
  retrieveTrainingImageUri,
  versionAtLeast,
} from '@stepscore/sagemaker';
import type { StepSpecificationInput } from '@stepscore/step-model';
import type { InputChannelSettings, RetryPolicySettings, TrainingStepConfig } from '../config/training-config.js';
import { type CreateStepOptions, StepBuilderBase, type StepBuilderOptions } from './step-builder-base.js';
import { snakeCaseStepName } from './naming.js';
import type { PipelineValue, TrainingChannel, TrainingStepArguments, TrainingStepDefinition } from './step-definition.js';

export type TrainingFramework = 'pytorch' | 'xgboost';

/** The container path under which SageMaker mounts input channel `<name>` as `<root>/<name>`. */

/** Where a framework container finds the code under network isolation: the `code` channel's tarball. */
export const CODE_CHANNEL_SOURCEDIR_PATH = '/opt/ml/input/data/code/sourcedir.tar.gz';

/** The content type the SDK gives a `model_uri` channel. */
export const MODEL_CHANNEL_CONTENT_TYPE = 'application/x-sagemaker-model';

/** The settings a Training builder cannot create a job without (the reference's seven). */
export const TRAINING_SETTINGS = [
  'training_instance_type',
  'training_instance_count',
  'training_volume_size',
  'training_entry_point',
  'source_dir',
  'framework_version',
  'py_version',
] as const;

export function s3Channel(name: string, s3Uri: PipelineValue, contentType?: string): TrainingChannel {
  return {
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: s3Uri, S3DataDistributionType: 'FullyReplicated' } },
    ...(contentType ? { ContentType: contentType } : {}),
    ChannelName: name,
  };
}

/** A channel as the SDK's TrainingInput writes it: distribution defaults to FullyReplicated, the rest only when set. */
export function trainingInputChannel(name: string, input: InputChannelSettings): TrainingChannel {
  return {
    DataSource: {
      S3DataSource: {
        S3DataType: input.s3_data_type as never,
        S3Uri: input.s3_uri,
        S3DataDistributionType: (input.distribution ?? 'FullyReplicated') as never,
      },
    },
    ...(input.compression !== undefined ? { CompressionType: input.compression as never } : {}),
    ...(input.content_type !== undefined ? { ContentType: input.content_type } : {}),
    ...(input.record_wrapping !== undefined ? { RecordWrapperType: input.record_wrapping } : {}),
    ...(input.input_mode !== undefined ? { InputMode: input.input_mode as never } : {}),
    ChannelName: name,
  };
}

/** `<base>/<suffix>`: a plain string when the base is known, a `Std:Join` when it is an expression. */
export function joinS3(base: PipelineValue, suffix: string): PipelineValue {
  if (typeof base === 'string') return `${base.replace(/\/+$/, '')}/${suffix}`;
  return { 'Std:Join': { On: '/', Values: [base, suffix] } };
}

/** The step-level retry policy the SDK's `to_request()` writes. */
export function retryPolicyRequest(policy: RetryPolicySettings): Record<string, unknown> {
  return {
    ExceptionType: [...policy.exception_types],
    IntervalSeconds: policy.interval_seconds,
    BackoffRate: policy.backoff_rate,
    ...(policy.max_attempts !== undefined ? { MaxAttempts: policy.max_attempts } : {}),
    ...(policy.expire_after_mins !== undefined ? { ExpireAfterMin: policy.expire_after_mins } : {}),
  };
}

/** A set flag: true, or an expression the service resolves (the SDK leaves false flags out). */
function isOn(value: unknown): boolean {
  return value === true || isPipelineExpression(value);
}

/** A Training step built the way the SageMaker Python SDK builds a framework estimator's step. */
export abstract class TrainingStepBuilder<C extends TrainingStepConfig = TrainingStepConfig> extends StepBuilderBase<C> {
  /**
   * The framework whose container runs the script. Any name: getImageUri() looks its images up in the SageMaker
   * knowledge package (@stepscore/sagemaker), and a builder whose framework that package does not hold overrides
   * getImageUri() in its own folder — no central list to edit.
   */
  abstract readonly framework: string;

  constructor(config: C, spec: StepSpecificationInput, options: StepBuilderOptions = {}) {
    super(config, spec, options);
  }

  abstract override getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]>;

  /** The hyperparameters the step carries (framework ones included). */
  abstract getHyperparameters(): EncodedHyperparameters;

  /** Whether the step runs the user's script (framework mode); a built-in algorithm runs none. */
  protected runsScript(): boolean {
    return true;
  }

  validateConfiguration(): void {
    const config = this.config as unknown as Record<string, unknown>;
    const codeSettings: readonly string[] = ['training_entry_point', 'source_dir'];
    for (const attr of TRAINING_SETTINGS) {
      if (!this.runsScript() && codeSettings.includes(attr)) continue;
      const value = config[attr];
      if (value === undefined || value === null || value === '') {
        throw new Error(`${this.constructor.name.replace(/StepBuilder$/, '')}Config missing required attribute: ${attr}`);
      }
    }
    if (this.config.image_uri === undefined && isPipelineExpression(this.config.training_instance_type)) {
      throw new Error(
        `training_instance_type is a pipeline expression, so the training image cannot be chosen (CPU or GPU) when the pipeline is defined: ` +
          `give image_uri, or a literal training_instance_type`,
      );
    }
  }

  override getStepName(): string {
    return this.config.step_name ?? super.getStepName();
  }

  /** The first output location given under one of the spec's output names, else the configured or default path. */
  getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
    for (const name of this.spec.outputs.keys()) {
      const given = outputs[name];
      if (given !== undefined) return typeof given === 'string' ? given.replace(/\/+$/, '') : given;
    }
    const configured = this.config.output_path;
    if (configured !== undefined && typeof configured !== 'string') return configured;
    const base = configured ?? `${this.config.pipeline_s3_loc}/${snakeCaseStepName(super.getStepName().split('-')[0] as string)}`;
    return base.replace(/\/+$/, '');
  }

  /** The configured image, or the framework image for the version, Python version, processor and region. */
  getImageUri(): PipelineValue {
    if (this.config.image_uri !== undefined) return this.config.image_uri;
    const instanceType = this.config.training_instance_type;
    if (typeof instanceType !== 'string') {
      throw new Error('training_instance_type is a pipeline expression: give image_uri so the image does not depend on it');
    }
    return retrieveTrainingImageUri({
      framework: this.framework as TrainingFramework,
      version: this.config.framework_version,
      pyVersion: this.config.py_version,
      instanceType,
      region: this.awsRegion,
    });
  }

  protected frameworkHyperparameters(): EncodedHyperparameters {
    return frameworkHyperparameters({
      entryPoint: this.config.training_entry_point,
      // Under network isolation the container cannot fetch the code from S3: the SDK sends it as the `code` channel.
      submitDirectory: this.config.enable_network_isolation ? CODE_CHANNEL_SOURCEDIR_PATH : this.config.source_dir,
      region: this.awsRegion,
      containerLogLevel: this.config.container_log_level,
    });
  }

  /**
   * The contract's job arguments as hyperparameters: framework containers hand every hyperparameter to the
   * script as `--name value`, which is how a training script receives its arguments.
   */
  jobArgumentHyperparameters(): Record<string, string> {
    const args = this.getJobArguments() ?? [];
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < args.length; i += 2) out[(args[i] as string).replace(/^--/, '')] = pythonJsonDumps(args[i + 1]);
    return out;
  }

  /** Whether the SDK turns on SageMaker metrics time series for this framework and version (its estimator defaults table). */
  protected enablesMetricsTimeSeries(): boolean {
    const from = frameworkEstimatorDefaultsFor(this.framework)?.metricsTimeSeriesFrom;
    const version: unknown = this.config.framework_version;
    return from !== undefined && typeof version === 'string' && versionAtLeast(version, from);
  }

  /** The checkpoint locations, or undefined when the step syncs no checkpoints (the SDK: only with checkpoint_s3_uri). */
  protected checkpointConfig(_outputPath: PipelineValue): { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined {
    const s3Uri = this.config.checkpoint_s3_uri;
    if (s3Uri === undefined) return undefined;
    const localPath = this.config.checkpoint_local_path;
    return { S3Uri: s3Uri, ...(localPath !== undefined ? { LocalPath: localPath } : {}) };
  }

  /**
   * Whether the SDK switches the debugger hook off: a framework estimator with checkpoints synced both ways
   * (S3 and local path) and a distributed job (here: more than one instance, a parameterised count, or a distribution).
   */
  protected debuggerOffForCheckpoints(checkpoint: { S3Uri: PipelineValue; LocalPath?: PipelineValue } | undefined): boolean {
    if (!checkpoint || checkpoint.LocalPath === undefined) return false;
    const count = this.config.training_instance_count;
    return typeof count !== 'number' || count > 1 || this.hasDistribution();
  }

  /** Whether the estimator has a distribution (PyTorch's always does: the SDK defaults it to {}; its estimator defaults table says which). */
  protected hasDistribution(): boolean {
    return frameworkEstimatorDefaultsFor(this.framework)?.alwaysHasDistribution ?? false;
  }

  /** Extra request members a builder adds. */
  protected extraArguments(_outputPath: PipelineValue): Partial<TrainingStepArguments> {
    return {};
  }

  /** The extra named channels and the model channel, as the SDK appends them after the fit() inputs. */
  protected configuredChannels(): TrainingChannel[] {
    const channels = Object.entries(this.config.input_channels ?? {}).map(([name, input]) => trainingInputChannel(name, input));
    if (this.config.model_uri !== undefined) {
      channels.push(
        trainingInputChannel(this.config.model_channel_name, {
          s3_uri: this.config.model_uri,
          s3_data_type: 'S3Prefix',
          content_type: MODEL_CHANNEL_CONTENT_TYPE,
          input_mode: 'File',
        }),
      );
    }
    if (this.config.enable_network_isolation && this.runsScript()) {
      channels.push(trainingInputChannel('code', { s3_uri: this.config.source_dir, s3_data_type: 'S3Prefix' }));
    }
    return channels;
  }

  private debuggerSettings(outputPath: PipelineValue, checkpointOff: boolean): Partial<TrainingStepArguments> {
    const rules = this.config.debugger_rules;
    const hookOn = this.config.debugger_hook_config && !checkpointOff;
    return {
      ...(rules && rules.length > 0 ? { DebugRuleConfigurations: rules as never } : {}),
      ...(hookOn ? { DebugHookConfig: { S3OutputPath: outputPath, CollectionConfigurations: [] } } : {}),
    };
  }

  private profilerSettings(outputPath: PipelineValue): TrainingStepArguments['ProfilerConfig'] {
    if (this.config.disable_profiler) return { DisableProfiler: true };
    return {
      S3OutputPath: this.config.profiler_s3_output_path ?? outputPath,
      DisableProfiler: false,
      ...(this.config.profiling_interval_millis !== undefined ? { ProfilingIntervalInMilliseconds: this.config.profiling_interval_millis } : {}),
    };
  }

  async createStep(options: CreateStepOptions = {}): Promise<TrainingStepDefinition> {
    const stepName = this.getStepName();
    const fromDependencies = options.dependencies?.length ? this.extractInputsFromDependencies(options.dependencies) : {};
    const inputs = { ...fromDependencies, ...(options.inputs ?? {}) };
    const ownChannels = await this.getInputs(inputs);
    const configured = this.configuredChannels();
    const channels = [...ownChannels, ...configured];
    if (channels.length === 0) {
      throw new Error('No training inputs available. Provide input_path or ensure dependencies supply necessary outputs.');
    }
    // As the SDK's _prepare_channel: a configured channel may not take a name already in use.
    const clash = configured.find((channel, i) => channels.findIndex((c) => c.ChannelName === channel.ChannelName) !== ownChannels.length + i);
    if (clash !== undefined) {
      throw new Error(
        `Two input channels are named '${String(clash.ChannelName)}': input_channels, model_channel_name and the builder's own channels must not share a name`,
      );
    }
    const outputPath = this.getOutputs({});
    const environment = this.getEnvironmentVariables();
    const checkpoint = this.checkpointConfig(outputPath);
    const c = this.config;
    const args: TrainingStepArguments = {
      AlgorithmSpecification: {
        TrainingInputMode: c.input_mode as never,
        TrainingImage: this.getImageUri(),
        ...(c.metric_definitions ? { MetricDefinitions: c.metric_definitions } : {}),
        ...(this.enablesMetricsTimeSeries() ? { EnableSageMakerMetricsTimeSeries: true } : {}),
      },
      OutputDataConfig: { S3OutputPath: outputPath, ...(c.output_kms_key !== undefined ? { KmsKeyId: c.output_kms_key } : {}) },
      StoppingCondition: {
        MaxRuntimeInSeconds: c.max_runtime_in_seconds,
        ...(c.max_wait !== undefined ? { MaxWaitTimeInSeconds: c.max_wait } : {}),
      },
      ResourceConfig: {
        VolumeSizeInGB: c.training_volume_size,
        InstanceCount: c.training_instance_count,
        InstanceType: c.training_instance_type as never,
        ...(c.volume_kms_key !== undefined ? { VolumeKmsKeyId: c.volume_kms_key } : {}),
      },
      RoleArn: this.role,
      InputDataConfig: channels,
      HyperParameters: { ...this.getHyperparameters(), ...this.jobArgumentHyperparameters() } as Record<string, string>,
      ...(c.subnets && c.security_group_ids ? { VpcConfig: { Subnets: c.subnets, SecurityGroupIds: c.security_group_ids } } : {}),
      ...(c.enable_network_isolation ? { EnableNetworkIsolation: true } : {}),
      ...(isOn(c.encrypt_inter_container_traffic) ? { EnableInterContainerTrafficEncryption: c.encrypt_inter_container_traffic as boolean } : {}),
      ...(isOn(c.use_spot_instances) ? { EnableManagedSpotTraining: c.use_spot_instances as boolean } : {}),
      ...(checkpoint ? { CheckpointConfig: checkpoint } : {}),
      ...this.debuggerSettings(outputPath, this.debuggerOffForCheckpoints(checkpoint)),
      ProfilerConfig: this.profilerSettings(outputPath),
      ...(c.tensorboard_output_config
        ? {
            TensorBoardOutputConfig: {
              ...(c.tensorboard_output_config.container_local_output_path !== undefined
                ? { LocalPath: c.tensorboard_output_config.container_local_output_path }
                : {}),
              S3OutputPath: c.tensorboard_output_config.s3_output_path,
            },
          }
        : {}),
      ...(c.max_retry_attempts !== undefined ? { RetryStrategy: { MaximumRetryAttempts: c.max_retry_attempts } } : {}),
      ...(Object.keys(environment).length > 0 ? { Environment: environment } : {}),
      ...this.extraArguments(outputPath),
    };
    const dependsOn = [...new Set([...(options.dependencies ?? []).map((d) => d.name), ...(c.depends_on ?? []), ...(options.dependsOn ?? [])])];
    const caching = options.enableCaching ?? c.enable_caching;
    return {
      Name: stepName,
      Type: 'Training',
      Arguments: args as TrainingStepDefinition['Arguments'],
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
      ...(c.step_display_name !== undefined ? { DisplayName: c.step_display_name } : {}),
      ...(c.step_description !== undefined ? { Description: c.step_description } : {}),
      ...(caching ? { CacheConfig: this.getCacheConfig(true, c.cache_expire_after) } : {}),
      ...(c.retry_policies && c.retry_policies.length > 0 ? { RetryPolicies: c.retry_policies.map(retryPolicyRequest) } : {}),
    };
  }
}
