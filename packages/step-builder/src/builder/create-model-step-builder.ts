import { type ImageFramework, retrieveImageUri } from '@stepscore/sagemaker';
import type { GetExpression, StepSpecificationInput } from '@stepscore/step-model';
import { MODEL_SETTINGS, type ModelConfig } from '../config/model-config.js';
import { requireSettings } from './default-output-location.js';
import { type CreateStepOptions, StepBuilderBase, type StepBuilderOptions } from './step-builder-base.js';
import type { CreateModelStepArguments, CreateModelStepDefinition, PipelineValue } from './step-definition.js';

/** The input every CreateModel builder needs: the model artefacts (`model.tar.gz`). */
export const MODEL_DATA_INPUT = 'model_data';

/**
 * A CreateModel step (pipeline Type `Model`) built the way the SDK's `ModelStep(model.create(...))` builds its
 * `<name>-CreateModel` step: the framework's inference image, the script-mode environment, the model data.
 * CreateModel steps are never cached, so the step carries no CacheConfig.
 */
export abstract class CreateModelStepBuilder<C extends ModelConfig = ModelConfig> extends StepBuilderBase<C> {
  abstract readonly framework: ImageFramework;

  constructor(config: C, spec: StepSpecificationInput, options: StepBuilderOptions = {}) {
    super(config, spec, options);
  }

  /** Where the serving container finds the inference code (SAGEMAKER_SUBMIT_DIRECTORY). */
  abstract getSubmitDirectory(): string;

  /** Script mode: the model runs an inference script (SAGEMAKER_PROGRAM) rather than the container's own serving. */
  usesInferenceScript(): boolean {
    return this.config.inference_entry_point !== undefined;
  }

  validateConfiguration(): void {
    requireSettings(this.constructor.name, this.config, MODEL_SETTINGS);
    if (this.contract) throw new Error('A CreateModel step runs no script of its own: its specification must have no script contract');
  }

  /** The SDK's ModelStep names the step it emits `<name>-CreateModel`; the spec's outputs are read from it. */
  override getOutputStepName(): string {
    return `${this.getStepName()}-CreateModel`;
  }

  getImageUri(): string {
    return retrieveImageUri({
      framework: this.framework,
      scope: 'inference',
      version: this.config.framework_version,
      pyVersion: this.config.py_version,
      instanceType: this.config.inference_instance_type,
      region: this.awsRegion,
    });
  }

  /** `config.env`, then, in script mode, the SDK's script-mode variables (which win, as in the SDK). */
  override getEnvironmentVariables(): Record<string, string> {
    const entryPoint = this.config.inference_entry_point;
    if (entryPoint === undefined) return { ...(this.config.env ?? {}) };
    return {
      ...(this.config.env ?? {}),
      SAGEMAKER_PROGRAM: entryPoint,
      SAGEMAKER_SUBMIT_DIRECTORY: this.getSubmitDirectory(),
      SAGEMAKER_CONTAINER_LOG_LEVEL: String(this.config.container_log_level),
      SAGEMAKER_REGION: this.awsRegion,
    };
  }

  /** The model data: the one required input. */
  getInputs(inputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
    const modelData = inputs[MODEL_DATA_INPUT];
    if (modelData === undefined) throw new Error(`Required input '${MODEL_DATA_INPUT}' not provided`);
    return modelData;
  }

  /** A model has no output location: its outputs are properties of the emitted step, by logical name. */
  getOutputs(_outputs: Readonly<Record<string, PipelineValue>> = {}): Record<string, GetExpression> {
    return Object.fromEntries([...this.spec.outputs.keys()].map((name) => [name, this.getOutputReference(name)]));
  }

  async createStep(options: CreateStepOptions = {}): Promise<CreateModelStepDefinition> {
    const fromDependencies = options.dependencies?.length ? this.extractInputsFromDependencies(options.dependencies) : {};
    const modelData = this.getInputs({ ...fromDependencies, ...(options.inputs ?? {}) });
    const args: CreateModelStepArguments = {
      ExecutionRoleArn: this.role,
      PrimaryContainer: { Image: this.getImageUri(), Environment: this.getEnvironmentVariables(), ModelDataUrl: modelData },
    };
    const dependsOn = [...new Set([...(options.dependencies ?? []).map((d) => d.name), ...(options.dependsOn ?? [])])];
    return {
      Name: this.getOutputStepName(),
      Type: 'Model',
      Arguments: args as CreateModelStepDefinition['Arguments'],
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
    };
  }
}
