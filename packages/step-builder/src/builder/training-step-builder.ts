import { type EncodedHyperparameters, frameworkHyperparameters, pythonJsonDumps, retrieveTrainingImageUri } from '@stepscore/sagemaker';
import type { StepSpecificationInput } from '@stepscore/step-model';
import type { TrainingConfig } from '../config/training-config.js';
import { type CreateStepOptions, StepBuilderBase, type StepBuilderOptions } from './step-builder-base.js';
import { snakeCaseStepName } from './naming.js';
import type { PipelineValue, TrainingChannel, TrainingStepArguments, TrainingStepDefinition } from './step-definition.js';

export type TrainingFramework = 'pytorch' | 'xgboost';

/** The container path under which SageMaker mounts input channel `<name>` as `<root>/<name>`. */
export const CHANNEL_ROOT = '/opt/ml/input/data';

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

/** `<base>/<suffix>`: a plain string when the base is known, a `Std:Join` when it is an expression. */
export function joinS3(base: PipelineValue, suffix: string): PipelineValue {
  if (typeof base === 'string') return `${base.replace(/\/+$/, '')}/${suffix}`;
  return { 'Std:Join': { On: '/', Values: [base, suffix] } };
}

/** A Training step built the way the SageMaker Python SDK builds a framework estimator's step. */
export abstract class TrainingStepBuilder<C extends TrainingConfig = TrainingConfig> extends StepBuilderBase<C> {
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

  validateConfiguration(): void {
    const config = this.config as unknown as Record<string, unknown>;
    for (const attr of TRAINING_SETTINGS) {
      const value = config[attr];
      if (value === undefined || value === null || value === '') {
        throw new Error(`${this.constructor.name.replace(/StepBuilder$/, '')}Config missing required attribute: ${attr}`);
      }
    }
  }

  /** The first output location given under one of the spec's output names, else the configured or default path. */
  getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
    for (const name of this.spec.outputs.keys()) {
      const given = outputs[name];
      if (given !== undefined) return typeof given === 'string' ? given.replace(/\/+$/, '') : given;
    }
    const base = this.config.output_path ?? `${this.config.pipeline_s3_loc}/${snakeCaseStepName(this.getStepName().split('-')[0] as string)}`;
    return base.replace(/\/+$/, '');
  }

  getImageUri(): string {
    return retrieveTrainingImageUri({
      framework: this.framework as TrainingFramework,
      version: this.config.framework_version,
      pyVersion: this.config.py_version,
      instanceType: this.config.training_instance_type,
      region: this.awsRegion,
    });
  }

  protected frameworkHyperparameters(): EncodedHyperparameters {
    return frameworkHyperparameters({
      entryPoint: this.config.training_entry_point,
      submitDirectory: this.config.source_dir,
      region: this.awsRegion,
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

  /** Whether the SDK turns on SageMaker metrics time series for this framework and version. */
  protected enablesMetricsTimeSeries(): boolean {
    return false;
  }

  /** Extra request members, such as PyTorch's CheckpointConfig. */
  protected extraArguments(_outputPath: PipelineValue): Partial<TrainingStepArguments> {
    return {};
  }

  async createStep(options: CreateStepOptions = {}): Promise<TrainingStepDefinition> {
    const stepName = this.getStepName();
    const fromDependencies = options.dependencies?.length ? this.extractInputsFromDependencies(options.dependencies) : {};
    const inputs = { ...fromDependencies, ...(options.inputs ?? {}) };
    const channels = await this.getInputs(inputs);
    if (channels.length === 0) {
      throw new Error('No training inputs available. Provide input_path or ensure dependencies supply necessary outputs.');
    }
    const outputPath = this.getOutputs({});
    const environment = this.getEnvironmentVariables();
    const args: TrainingStepArguments = {
      AlgorithmSpecification: {
        TrainingInputMode: 'File',
        TrainingImage: this.getImageUri(),
        ...(this.enablesMetricsTimeSeries() ? { EnableSageMakerMetricsTimeSeries: true } : {}),
      },
      OutputDataConfig: { S3OutputPath: outputPath },
      StoppingCondition: { MaxRuntimeInSeconds: this.config.max_runtime_in_seconds },
      ResourceConfig: {
        VolumeSizeInGB: this.config.training_volume_size,
        InstanceCount: this.config.training_instance_count,
        InstanceType: this.config.training_instance_type as never,
      },
      RoleArn: this.role,
      InputDataConfig: channels,
      HyperParameters: { ...this.getHyperparameters(), ...this.jobArgumentHyperparameters() } as Record<string, string>,
      ...(this.config.debugger_hook_config ? { DebugHookConfig: { S3OutputPath: outputPath, CollectionConfigurations: [] } } : {}),
      ProfilerConfig: { DisableProfiler: this.config.disable_profiler },
      ...(Object.keys(environment).length > 0 ? { Environment: environment } : {}),
      ...this.extraArguments(outputPath),
    };
    const dependsOn = [...new Set([...(options.dependencies ?? []).map((d) => d.name), ...(options.dependsOn ?? [])])];
    return {
      Name: stepName,
      Type: 'Training',
      Arguments: args as TrainingStepDefinition['Arguments'],
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
      CacheConfig: this.getCacheConfig(options.enableCaching ?? this.config.enable_caching, this.config.cache_expire_after),
    };
  }
}
