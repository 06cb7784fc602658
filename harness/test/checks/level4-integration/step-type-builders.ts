// Small builders of the step types other than Training, for the Integration tests: each emits what the SDK
// emits for its step type, and each can be broken the way a builder author breaks one.
import {
  type BasePipelineConfig,
  basePipelineConfigShape,
  type BuilderRegistration,
  type CreateStepOptions,
  defineBuilder,
  type PipelineStepDefinition,
  type PipelineValue,
  type SageMakerStepType,
  StepBuilderBase,
  type StepBuilderOptions,
} from '@stepscore/step-builder';
import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { z } from 'zod';

const configSchema = z.strictObject({ ...basePipelineConfigShape });

const defaultConfig = {
  author: 'stepscore',
  bucket: 'stepscore-example-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'NA',
  service_name: 'steptypes',
  pipeline_version: '1.0.0',
  model_class: 'xgboost',
  current_date: '2025-08-15',
};

const XGBOOST_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

/** What a test builder puts in its step, from its resolved inputs. */
export type RenderArguments = (
  builder: StepBuilderBase,
  inputs: Readonly<Record<string, PipelineValue>>,
) => { Type: string; Arguments: Record<string, unknown> };

/** A registration whose builder class is `<stepName>StepBuilder`, emitting `render`'s step. */
export function stepTypeBuilder(stepName: string, stepType: SageMakerStepType, spec: StepSpecificationInput, render: RenderArguments): BuilderRegistration {
  const className = `${stepName}StepBuilder`;
  const builderClass = {
    [className]: class extends StepBuilderBase {
      constructor(config: BasePipelineConfig, options: StepBuilderOptions = {}) {
        super(config, spec, options);
      }
      validateConfiguration(): void {}
      getInputs(inputs: Readonly<Record<string, PipelineValue>>): unknown {
        return inputs;
      }
      getOutputs(): PipelineValue {
        return `${this.config.pipeline_s3_loc}/${stepName.toLowerCase()}`;
      }
      async createStep(options: CreateStepOptions = {}): Promise<PipelineStepDefinition> {
        const inputs = { ...this.extractInputsFromDependencies(options.dependencies ?? []), ...(options.inputs ?? {}) };
        for (const dependency of this.spec.dependencies.values()) {
          if (dependency.required && inputs[dependency.logicalName] === undefined) throw new Error(`Required input '${dependency.logicalName}' not provided`);
        }
        return { Name: this.getStepName(), ...render(this, inputs) };
      }
    },
  }[className] as unknown as BuilderRegistration['builderClass'];
  return defineBuilder({
    stepName,
    stepType,
    framework: 'xgboost',
    description: `test ${stepType} builder`,
    builderClass,
    configSchema,
    spec,
    contract: { entryPoint: 'unused.py', expectedInputPaths: {}, expectedOutputPaths: {} },
    defaultConfig,
  });
}

const processingOutputPath = (name: string) => `properties.ProcessingOutputConfig.Outputs['${name}'].S3Output.S3Uri`;

export const processingSpec: StepSpecificationInput = {
  stepType: 'FeatureEngineering',
  nodeType: NodeType.INTERNAL,
  dependencies: [
    {
      logicalName: 'input_data',
      dependencyType: DependencyType.PROCESSING_OUTPUT,
      required: true,
      compatibleSources: ['ProcessingStep'],
      semanticKeywords: ['data', 'processed', 'input'],
      dataType: 'S3Uri',
    },
  ],
  outputs: [
    { logicalName: 'features', outputType: DependencyType.PROCESSING_OUTPUT, propertyPath: processingOutputPath('features'), dataType: 'S3Uri', aliases: [] },
    {
      logicalName: 'feature_report',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: processingOutputPath('feature_report'),
      dataType: 'S3Uri',
      aliases: [],
    },
  ],
};

/** Processing: one input, an output per spec output named `outputName(logicalName)` (its logical name when correct). */
export function processingArguments(outputName: (logicalName: string) => string = (n) => n): RenderArguments {
  return (builder, inputs) => ({
    Type: 'Processing',
    Arguments: {
      ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } },
      AppSpecification: { ImageUri: XGBOOST_IMAGE, ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/features.py'] },
      RoleArn: builder.role,
      ProcessingInputs: [
        {
          InputName: 'input_data',
          AppManaged: false,
          S3Input: {
            S3Uri: inputs['input_data'],
            LocalPath: '/opt/ml/processing/input/data',
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      ],
      ProcessingOutputConfig: {
        Outputs: [...builder.spec.outputs.keys()].map((name) => ({
          OutputName: outputName(name),
          AppManaged: false,
          S3Output: { S3Uri: `${builder.config.pipeline_s3_loc}/features/${name}`, LocalPath: `/opt/ml/processing/output/${name}`, S3UploadMode: 'EndOfJob' },
        })),
      },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    },
  });
}

export const modelSpec: StepSpecificationInput = {
  stepType: 'ServingModel',
  nodeType: NodeType.INTERNAL,
  dependencies: [
    {
      logicalName: 'model_data',
      dependencyType: DependencyType.MODEL_ARTIFACTS,
      required: true,
      semanticKeywords: ['model', 'artifacts', 'trained'],
      dataType: 'S3Uri',
    },
  ],
  outputs: [
    { logicalName: 'model_name', outputType: DependencyType.CUSTOM_PROPERTY, propertyPath: 'properties.ModelName', dataType: 'String', aliases: ['ModelName'] },
  ],
};

export const modelArguments: RenderArguments = (builder, inputs) => ({
  Type: 'Model',
  Arguments: { ExecutionRoleArn: builder.role, PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: inputs['model_data'] } },
});

export const transformSpec: StepSpecificationInput = {
  stepType: 'BatchScoring',
  nodeType: NodeType.INTERNAL,
  dependencies: [
    { logicalName: 'model_name', dependencyType: DependencyType.CUSTOM_PROPERTY, required: true, semanticKeywords: ['model', 'name'], dataType: 'String' },
    { logicalName: 'input_data', dependencyType: DependencyType.PROCESSING_OUTPUT, required: true, semanticKeywords: ['data', 'processed'], dataType: 'S3Uri' },
  ],
  outputs: [
    {
      logicalName: 'transform_output',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.TransformOutput.S3OutputPath',
      dataType: 'S3Uri',
      aliases: ['predictions'],
    },
  ],
};

/** Transform: the model named by `modelName(inputs)` (the resolved model_name when correct). */
export function transformArguments(
  modelName: (inputs: Readonly<Record<string, PipelineValue>>) => PipelineValue | undefined = (i) => i['model_name'],
): RenderArguments {
  return (builder, inputs) => ({
    Type: 'Transform',
    Arguments: {
      ModelName: modelName(inputs),
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: inputs['input_data'] } }, ContentType: 'text/csv', SplitType: 'Line' },
      TransformOutput: { S3OutputPath: `${builder.config.pipeline_s3_loc}/batch_scoring`, Accept: 'text/csv', AssembleWith: 'Line' },
      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    },
  });
}

export const processingBuilder = stepTypeBuilder('FeatureEngineering', 'Processing', processingSpec, processingArguments());
export const modelBuilder = stepTypeBuilder('ServingModel', 'CreateModel', modelSpec, modelArguments);
export const transformBuilder = stepTypeBuilder('BatchScoring', 'Transform', transformSpec, transformArguments());

export const STEP_TYPE_BUILDERS = [processingBuilder, modelBuilder, transformBuilder] as const;
