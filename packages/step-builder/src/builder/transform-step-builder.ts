import type { StepSpecificationInput } from '@stepscore/step-model';
import { TRANSFORM_SETTINGS, type TransformConfig } from '../config/transform-config.js';
import { perExecutionOutputUri, requireSettings } from './default-output-location.js';
import { type CreateStepOptions, StepBuilderBase, type StepBuilderOptions } from './step-builder-base.js';
import type { PipelineValue, TransformStepArguments, TransformStepDefinition } from './step-definition.js';

/** What a Transform step reads: the model to run and the data to run it on. */
export interface TransformInputs {
  readonly modelName: PipelineValue;
  readonly data: PipelineValue;
}

/**
 * A Transform step built the way the SDK's `TransformStep(transformer.transform(...))` builds it. The model name
 * comes from an upstream CreateModel step (`Steps.<model>-CreateModel.ModelName`); the output always has an S3
 * location, because CreateTransformJob requires one.
 */
export abstract class TransformStepBuilder<C extends TransformConfig = TransformConfig> extends StepBuilderBase<C> {
  /** The spec dependency that names the model (a CreateModel step's `ModelName`). */
  abstract readonly modelNameInput: string;
  /** The spec dependency that holds the records to transform. */
  abstract readonly dataInput: string;
  /** The spec output whose property path is `properties.TransformOutput.S3OutputPath`. */
  abstract readonly transformOutput: string;

  constructor(config: C, spec: StepSpecificationInput, options: StepBuilderOptions = {}) {
    super(config, spec, options);
  }

  validateConfiguration(): void {
    requireSettings(this.constructor.name, this.config, TRANSFORM_SETTINGS);
    if (this.contract) throw new Error('A Transform step runs no script of its own: its specification must have no script contract');
  }

  getInputs(inputs: Readonly<Record<string, PipelineValue>>): TransformInputs {
    const modelName = inputs[this.modelNameInput];
    if (modelName === undefined) throw new Error(`Required input '${this.modelNameInput}' not provided`);
    const data = inputs[this.dataInput];
    if (data === undefined) throw new Error(`Required input '${this.dataInput}' not provided`);
    return { modelName, data };
  }

  /** The given location for the transform output, else the configured one, else a per-execution one. */
  getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
    return outputs[this.transformOutput] ?? this.config.output_path ?? perExecutionOutputUri(this.config, this.getStepName(), this.transformOutput);
  }

  async createStep(options: CreateStepOptions = {}): Promise<TransformStepDefinition> {
    const fromDependencies = options.dependencies?.length ? this.extractInputsFromDependencies(options.dependencies) : {};
    const { modelName, data } = this.getInputs({ ...fromDependencies, ...(options.inputs ?? {}) });
    const c = this.config;
    const environment = this.getEnvironmentVariables();
    const dataProcessing = {
      ...(c.input_filter !== undefined ? { InputFilter: c.input_filter } : {}),
      ...(c.output_filter !== undefined ? { OutputFilter: c.output_filter } : {}),
      ...(c.join_source !== undefined ? { JoinSource: c.join_source } : {}),
    };
    const args: TransformStepArguments = {
      ModelName: modelName,
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: data } },
        ContentType: c.content_type,
        ...(c.compression_type !== undefined ? { CompressionType: c.compression_type } : {}),
        SplitType: c.split_type,
      },
      TransformOutput: { S3OutputPath: this.getOutputs(options.outputs ?? {}), AssembleWith: c.assemble_with, Accept: c.accept },
      TransformResources: { InstanceCount: c.transform_instance_count, InstanceType: c.transform_instance_type as never },
      ...(c.batch_strategy !== undefined ? { BatchStrategy: c.batch_strategy } : {}),
      ...(c.max_concurrent_transforms !== undefined ? { MaxConcurrentTransforms: c.max_concurrent_transforms } : {}),
      ...(c.max_payload_in_mb !== undefined ? { MaxPayloadInMB: c.max_payload_in_mb } : {}),
      ...(Object.keys(environment).length > 0 ? { Environment: environment } : {}),
      ...(Object.keys(dataProcessing).length > 0 ? { DataProcessing: dataProcessing } : {}),
    };
    const dependsOn = [...new Set([...(options.dependencies ?? []).map((d) => d.name), ...(options.dependsOn ?? [])])];
    return {
      Name: this.getStepName(),
      Type: 'Transform',
      Arguments: args as TransformStepDefinition['Arguments'],
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
      CacheConfig: this.getCacheConfig(options.enableCaching ?? c.enable_caching, c.cache_expire_after),
    };
  }
}
