import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { inferenceImageFor, renderModelStep } from './steps/model-step.js';
import { type ProcessingStepLayout, renderProcessingStep, type StepRenderContext } from './steps/processing-step.js';
import { STEP_RESPONSE_SHAPES } from '../simulator/step-response-shapes.js';

export type { StepRenderContext } from './steps/processing-step.js';

/** A step real pipelines put before a training builder, whose outputs the builder's dependencies resolve against. */
export interface ProducerEntry {
  /** The step's name in an assembled pipeline. */
  readonly stepName: string;
  readonly specification: StepSpecificationInput;
  /** The response shape its `properties.` paths are read from. */
  readonly responseShape: string;
  render(context: StepRenderContext): PipelineStepDefinition;
}

/** What a downstream consumer is rendered from: its resolved inputs and the builder's training image. */
export interface ConsumerRenderInput extends StepRenderContext {
  readonly inputs: Readonly<Record<string, PipelineValue>>;
  readonly trainingImage: PipelineValue;
}

/** A step real pipelines put after a training builder, taking the trained model. */
export interface ConsumerEntry {
  readonly stepName: string;
  readonly specification: StepSpecificationInput;
  readonly responseShape: string;
  /** The dependency that takes the trained model artifacts. */
  readonly modelDependency: string;
  /** Where in its Arguments that dependency's value goes, e.g. `PrimaryContainer.ModelDataUrl`. */
  readonly modelDataArgument: string;
  render(input: ConsumerRenderInput): PipelineStepDefinition;
}

export interface UpstreamCatalogue {
  readonly producers: readonly ProducerEntry[];
  readonly consumers: readonly ConsumerEntry[];
}

const processingOutput = (logicalName: string) => `properties.ProcessingOutputConfig.Outputs['${logicalName}'].S3Output.S3Uri`;

function processingProducer(stepName: string, specification: StepSpecificationInput, layout: ProcessingStepLayout): ProducerEntry {
  return {
    stepName,
    specification,
    responseShape: STEP_RESPONSE_SHAPES['Processing'] as string,
    render: (context) => renderProcessingStep(stepName, specification, layout, context),
  };
}

export const tabularPreprocessingTraining = processingProducer(
  'TabularPreprocessing-Training',
  {
    stepType: 'TabularPreprocessing_Training',
    nodeType: NodeType.SOURCE,
    dependencies: [],
    outputs: [
      {
        logicalName: 'processed_data',
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: processingOutput('processed_data'),
        dataType: 'S3Uri',
        aliases: ['input_path', 'training_data', 'model_input_data'],
        description: 'Processed training data with train/val/test subdirectories',
      },
    ],
  },
  { script: 'tabular_preprocessing.py', jobArguments: ['--job_type', 'training'], outputLocalPaths: { processed_data: '/opt/ml/processing/output' } },
);

export const hyperparameterPrep = processingProducer(
  'HyperparameterPrep',
  {
    stepType: 'HyperparameterPrep',
    nodeType: NodeType.SOURCE,
    dependencies: [],
    outputs: [
      {
        logicalName: 'hyperparameters_s3_uri',
        outputType: DependencyType.HYPERPARAMETERS,
        propertyPath: processingOutput('hyperparameters_s3_uri'),
        dataType: 'S3Uri',
        aliases: ['hyperparameters', 'config', 'hyperparameters_s3'],
        description: 'Folder holding hyperparameters.json for the training job',
      },
    ],
  },
  { script: 'hyperparameter_prep.py', jobArguments: [], outputLocalPaths: { hyperparameters_s3_uri: '/opt/ml/processing/output/config' } },
);

function modelConsumer(stepName: string, trainingStepType: string, entryPoint: string): ConsumerEntry {
  return {
    stepName,
    specification: {
      stepType: stepName,
      nodeType: NodeType.INTERNAL,
      dependencies: [
        {
          logicalName: 'model_input',
          dependencyType: DependencyType.MODEL_ARTIFACTS,
          required: true,
          compatibleSources: [trainingStepType, 'ProcessingStep', 'ModelArtifactsStep'],
          semanticKeywords: ['model', 'artifacts', 'trained', 'output', 'ModelArtifacts'],
          dataType: 'S3Uri',
          description: 'Trained model artifacts (model.tar.gz) to serve',
        },
      ],
      outputs: [
        {
          logicalName: 'model',
          outputType: DependencyType.CUSTOM_PROPERTY,
          propertyPath: 'properties.ModelName',
          dataType: 'String',
          aliases: ['ModelName'],
          description: 'The SageMaker model created from the artifacts',
        },
      ],
    },
    responseShape: STEP_RESPONSE_SHAPES['Model'] as string,
    modelDependency: 'model_input',
    modelDataArgument: 'PrimaryContainer.ModelDataUrl',
    render: (input) => {
      const modelDataUrl = input.inputs['model_input'];
      if (modelDataUrl === undefined) throw new Error(`${stepName} needs its 'model_input' dependency resolved`);
      return renderModelStep(stepName, { modelDataUrl, image: inferenceImageFor(input.trainingImage), entryPoint }, input);
    },
  };
}

export const pytorchModel = modelConsumer('PyTorchModel', 'PyTorchTraining', 'inference.py');
export const xgboostModel = modelConsumer('XGBoostModel', 'XGBoostTraining', 'xgboost_inference.py');

/** The steps the Integration level places around a training builder. */
export const upstreamCatalogue: UpstreamCatalogue = {
  producers: [tabularPreprocessingTraining, hyperparameterPrep],
  consumers: [pytorchModel, xgboostModel],
};
