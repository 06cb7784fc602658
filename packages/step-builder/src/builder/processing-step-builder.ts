import type { StepSpecificationInput } from '@stepscore/step-model';
import { PROCESSING_SETTINGS, type ProcessingConfig } from '../config/processing-config.js';
import { perExecutionOutputUri, requireSettings } from './default-output-location.js';
import { type ProcessingCode, processingInput } from './processing-code.js';
import { type CreateStepOptions, StepBuilderBase, type StepBuilderOptions } from './step-builder-base.js';
import type {
  PipelineValue,
  PropertyFile,
  ProcessingInputArgument,
  ProcessingOutputArgument,
  ProcessingStepArguments,
  ProcessingStepDefinition,
} from './step-definition.js';

/**
 * A Processing step built the way the SageMaker Python SDK builds a processor's step: one ProcessingInput per spec
 * dependency and one ProcessingOutput per spec output, each named by its logical name (so the spec's
 * `ProcessingOutputConfig.Outputs['<name>']` paths resolve) and placed at the contract's container path.
 */
export abstract class ProcessingStepBuilder<C extends ProcessingConfig = ProcessingConfig> extends StepBuilderBase<C> {
  constructor(config: C, spec: StepSpecificationInput, options: StepBuilderOptions = {}) {
    super(config, spec, options);
  }

  /** The processor's image for the configured framework version, instance type and region. */
  abstract getImageUri(): string;

  /** How the code reaches the container and what the container runs. */
  protected abstract getCode(): Promise<ProcessingCode>;

  /** Files among the outputs whose JSON later steps may read (`JsonGet`); none unless a builder declares them. */
  getPropertyFiles(): PropertyFile[] {
    return [];
  }

  validateConfiguration(): void {
    requireSettings(this.constructor.name, this.config, PROCESSING_SETTINGS);
    if (!this.contract) throw new Error('Script contract is required for a Processing step');
  }

  /** For each spec dependency in order: the given value mounted at the contract's path; optional ones may be absent. */
  getInputs(inputs: Readonly<Record<string, PipelineValue>>): ProcessingInputArgument[] {
    const contract = this.contract;
    if (!contract) throw new Error('Script contract is required for input mapping');
    return [...this.spec.dependencies.values()].flatMap((dep) => {
      const value = inputs[dep.logicalName];
      if (value === undefined) {
        if (dep.required) throw new Error(`Required input '${dep.logicalName}' not provided`);
        return [];
      }
      const containerPath = contract.expectedInputPaths[dep.logicalName];
      if (containerPath === undefined) throw new Error(`No container path found for input: ${dep.logicalName}`);
      return [processingInput(dep.logicalName, value, containerPath)];
    });
  }

  /** For each spec output: the given destination, else a per-execution location (the SDK's default). */
  getOutputs(outputs: Readonly<Record<string, PipelineValue>>): ProcessingOutputArgument[] {
    const contract = this.contract;
    if (!contract) throw new Error('Script contract is required for output mapping');
    return [...this.spec.outputs.values()].map((out) => {
      const containerPath = contract.expectedOutputPaths[out.logicalName];
      if (containerPath === undefined) throw new Error(`No container path found for output: ${out.logicalName}`);
      const destination = outputs[out.logicalName] ?? perExecutionOutputUri(this.config, this.getStepName(), out.logicalName);
      return { OutputName: out.logicalName, AppManaged: false, S3Output: { S3Uri: destination, LocalPath: containerPath, S3UploadMode: 'EndOfJob' } };
    });
  }

  async createStep(options: CreateStepOptions = {}): Promise<ProcessingStepDefinition> {
    const fromDependencies = options.dependencies?.length ? this.extractInputsFromDependencies(options.dependencies) : {};
    const inputs = this.getInputs({ ...fromDependencies, ...(options.inputs ?? {}) });
    const outputs = this.getOutputs(options.outputs ?? {});
    const code = await this.getCode();
    const jobArguments = this.getJobArguments();
    const environment = this.getEnvironmentVariables();
    const args: ProcessingStepArguments = {
      ProcessingResources: {
        ClusterConfig: {
          InstanceType: this.config.processing_instance_type as never,
          InstanceCount: this.config.processing_instance_count,
          VolumeSizeInGB: this.config.processing_volume_size,
        },
      },
      AppSpecification: {
        ImageUri: this.getImageUri(),
        ...(jobArguments ? { ContainerArguments: jobArguments } : {}),
        ContainerEntrypoint: [...code.containerEntrypoint],
      },
      RoleArn: this.role,
      ProcessingInputs: [...inputs, ...code.inputs],
      ...(outputs.length > 0 ? { ProcessingOutputConfig: { Outputs: outputs } } : {}),
      ...(Object.keys(environment).length > 0 ? { Environment: environment } : {}),
      ...(this.config.max_runtime_in_seconds ? { StoppingCondition: { MaxRuntimeInSeconds: this.config.max_runtime_in_seconds } } : {}),
    };
    const dependsOn = [...new Set([...(options.dependencies ?? []).map((d) => d.name), ...(options.dependsOn ?? [])])];
    const propertyFiles = this.getPropertyFiles();
    return {
      Name: this.getStepName(),
      Type: 'Processing',
      Arguments: args as ProcessingStepDefinition['Arguments'],
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
      ...(propertyFiles.length > 0 ? { PropertyFiles: propertyFiles } : {}),
      CacheConfig: this.getCacheConfig(options.enableCaching ?? this.config.enable_caching, this.config.cache_expire_after),
    };
  }
}
