import { retrieveTrainingImageUri, type StepTypeName } from '@stepscore/sagemaker';
import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { MODEL_DATA_ARGUMENT, renderModelStep } from './steps/model-step.js';
import { processingInputArgument, type ProcessingStepLayout, renderProcessingStep, type StepRenderContext } from './steps/processing-step.js';
import { trainingProducer } from './steps/training-step.js';
import { renderTransformStep, TRANSFORM_INPUT_ARGUMENT, TRANSFORM_MODEL_ARGUMENT } from './steps/transform-step.js';

export type { StepRenderContext } from './steps/processing-step.js';

/** What a catalogue step is rendered from: where it writes, and a value for each dependency it was given. */
export interface CatalogueRenderInput extends StepRenderContext {
  /** Dependency logical name → its value (a `Get` to the step it resolved to); missing ones get a fixed location. */
  readonly inputs: Readonly<Record<string, PipelineValue>>;
}

/**
 * A step of another team's pipeline, of any step type: producers come before a builder (its dependencies
 * resolve against their outputs), consumers after it (one of their dependencies takes one of its outputs).
 */
export interface CatalogueEntry {
  /** The step's name in an assembled pipeline. */
  readonly stepName: string;
  readonly stepType: StepTypeName;
  readonly specification: StepSpecificationInput;
  /** Dependency logical name → where its value lands in the step's Arguments, e.g. `PrimaryContainer.ModelDataUrl`. */
  readonly inputArguments: Readonly<Record<string, string>>;
  render(input: CatalogueRenderInput): PipelineStepDefinition;
}

export type ProducerEntry = CatalogueEntry;
export type ConsumerEntry = CatalogueEntry;

export interface UpstreamCatalogue {
  readonly producers: readonly ProducerEntry[];
  readonly consumers: readonly ConsumerEntry[];
}

const processingOutput = (logicalName: string) => `properties.ProcessingOutputConfig.Outputs['${logicalName}'].S3Output.S3Uri`;
const SERVING_IMAGE = (region: string) =>
  retrieveTrainingImageUri({ framework: 'xgboost', version: '1.7-1', pyVersion: 'py3', instanceType: 'ml.m5.xlarge', region });

function processingEntry(stepName: string, specification: StepSpecificationInput, layout: ProcessingStepLayout): CatalogueEntry {
  return {
    stepName,
    stepType: 'Processing',
    specification,
    inputArguments: Object.fromEntries((specification.dependencies ?? []).map((d) => [d.logicalName, processingInputArgument(d.logicalName)])),
    render: ({ inputs, ...context }) => renderProcessingStep(stepName, specification, layout, context, inputs),
  };
}

export const dataPreparationTraining = processingEntry(
  'DataPreparation-Training',
  {
    stepType: 'ProcessingStep',
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
  { script: 'prepare_data.py', jobArguments: ['--job_type', 'training'], outputLocalPaths: { processed_data: '/opt/ml/processing/output' } },
);

export const hyperparameterPrep = processingEntry(
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

/** Another team's training job, whose model a CreateModel builder may serve. */
export const modelTraining = trainingProducer(
  'ModelTraining',
  {
    stepType: 'TrainingStep',
    nodeType: NodeType.SOURCE,
    dependencies: [],
    outputs: [
      {
        logicalName: 'model_artifacts',
        outputType: DependencyType.MODEL_ARTIFACTS,
        propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
        dataType: 'S3Uri',
        aliases: ['model_data', 'model_input', 'ModelArtifacts', 'model_output', 'trained_model'],
        description: 'The trained model (model.tar.gz)',
      },
    ],
  },
  { framework: 'xgboost', frameworkVersion: '1.7-1', pyVersion: 'py3', instanceType: 'ml.m5.xlarge' },
);

const MODEL_NAME_OUTPUT = {
  logicalName: 'model_name',
  outputType: DependencyType.CUSTOM_PROPERTY,
  propertyPath: 'properties.ModelName',
  dataType: 'String',
  aliases: ['model', 'ModelName'],
  description: 'The SageMaker model created from the artifacts',
} as const;

/** Another team's model, which a Transform builder may run. */
export const registeredModel: CatalogueEntry = {
  stepName: 'RegisteredModel',
  stepType: 'CreateModel',
  specification: { stepType: 'ModelStep', nodeType: NodeType.SOURCE, dependencies: [], outputs: [MODEL_NAME_OUTPUT] },
  inputArguments: {},
  render: (input) =>
    renderModelStep(
      'RegisteredModel',
      {
        modelDataUrl: `${input.pipelineS3Loc.replace(/\/+$/, '')}/registered_model/model.tar.gz`,
        image: SERVING_IMAGE(input.region),
        entryPoint: 'inference.py',
      },
      input,
    ),
};

/** Serves trained model artefacts: takes any builder's model_artifacts output. */
export const modelServing: CatalogueEntry = {
  stepName: 'ModelServing',
  stepType: 'CreateModel',
  specification: {
    stepType: 'ModelStep',
    nodeType: NodeType.INTERNAL,
    dependencies: [
      {
        logicalName: 'model_data',
        dependencyType: DependencyType.MODEL_ARTIFACTS,
        required: true,
        semanticKeywords: ['model', 'artifacts', 'trained', 'output', 'ModelArtifacts'],
        dataType: 'S3Uri',
        description: 'Trained model artifacts (model.tar.gz) to serve',
      },
    ],
    outputs: [MODEL_NAME_OUTPUT],
  },
  inputArguments: { model_data: MODEL_DATA_ARGUMENT },
  render: (input) => {
    const modelDataUrl = input.inputs['model_data'];
    if (modelDataUrl === undefined) throw new Error("ModelServing needs its 'model_data' dependency resolved");
    return renderModelStep('ModelServing', { modelDataUrl, image: SERVING_IMAGE(input.region), entryPoint: 'inference.py' }, input);
  },
};

/** Evaluates or reports on data: takes processed data, predictions, payload samples or a training job's output data. */
export const dataEvaluation = processingEntry(
  'DataEvaluation',
  {
    stepType: 'ProcessingStep',
    nodeType: NodeType.INTERNAL,
    dependencies: [
      {
        logicalName: 'eval_data',
        dependencyType: DependencyType.PROCESSING_OUTPUT,
        required: false,
        semanticKeywords: ['data', 'evaluation', 'output', 'processed', 'validation', 'test'],
        dataType: 'S3Uri',
        description: 'Data to evaluate',
      },
      {
        logicalName: 'predictions',
        dependencyType: DependencyType.CUSTOM_PROPERTY,
        required: false,
        semanticKeywords: ['predictions', 'transform', 'output', 'inference'],
        dataType: 'S3Uri',
        description: 'Batch predictions to score',
      },
      {
        logicalName: 'payload_samples',
        dependencyType: DependencyType.PAYLOAD_SAMPLES,
        required: false,
        semanticKeywords: ['payload', 'samples', 'inference', 'test'],
        dataType: 'S3Uri',
        description: 'Sample requests for load testing',
      },
    ],
    outputs: [
      {
        logicalName: 'evaluation_report',
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: processingOutput('evaluation_report'),
        dataType: 'S3Uri',
        aliases: ['metrics', 'report'],
        description: 'Evaluation metrics and report',
      },
    ],
  },
  { script: 'evaluate.py', jobArguments: [], outputLocalPaths: { evaluation_report: '/opt/ml/processing/output/report' } },
);

/** Trains on data: takes training data or hyperparameters. */
export const downstreamTraining = trainingProducer(
  'DownstreamTraining',
  {
    stepType: 'TrainingStep',
    nodeType: NodeType.INTERNAL,
    dependencies: [
      {
        logicalName: 'training_data',
        dependencyType: DependencyType.TRAINING_DATA,
        required: false,
        semanticKeywords: ['training', 'data', 'train', 'dataset', 'processed'],
        dataType: 'S3Uri',
        description: 'Training data',
      },
      {
        logicalName: 'hyperparameters',
        dependencyType: DependencyType.HYPERPARAMETERS,
        required: false,
        semanticKeywords: ['hyperparameters', 'config', 'params'],
        dataType: 'S3Uri',
        description: 'hyperparameters.json',
      },
    ],
    outputs: [
      {
        logicalName: 'model_artifacts',
        outputType: DependencyType.MODEL_ARTIFACTS,
        propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
        dataType: 'S3Uri',
        aliases: ['model_data'],
        description: 'The trained model',
      },
    ],
  },
  { framework: 'xgboost', frameworkVersion: '1.7-1', pyVersion: 'py3', instanceType: 'ml.m5.xlarge' },
);

/** Runs a model over data in batch: takes a model name (and, optionally, the data). */
export const batchInference: CatalogueEntry = {
  stepName: 'BatchInference',
  stepType: 'Transform',
  specification: {
    stepType: 'TransformStep',
    nodeType: NodeType.INTERNAL,
    dependencies: [
      {
        logicalName: 'model_name',
        dependencyType: DependencyType.CUSTOM_PROPERTY,
        required: true,
        semanticKeywords: ['model', 'name', 'model_name', 'ModelName'],
        dataType: 'String',
        description: 'The SageMaker model to run',
      },
    ],
    outputs: [
      {
        logicalName: 'predictions',
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: 'properties.TransformOutput.S3OutputPath',
        dataType: 'S3Uri',
        aliases: ['transform_output'],
        description: 'Batch predictions',
      },
    ],
  },
  inputArguments: { model_name: TRANSFORM_MODEL_ARGUMENT, input_data: TRANSFORM_INPUT_ARGUMENT },
  render: (input) => {
    const modelName = input.inputs['model_name'];
    if (modelName === undefined) throw new Error("BatchInference needs its 'model_name' dependency resolved");
    return renderTransformStep('BatchInference', { modelName, inputData: input.inputs['input_data'] }, input);
  },
};

/**
 * The steps the Integration level places around a builder of any step type: producers of processed data,
 * hyperparameters, a trained model and a model; consumers of model artefacts (CreateModel), of data,
 * predictions and payloads (Processing), of training data and hyperparameters (Training), and of a model
 * name (Transform). Generic steps of other teams, not partners of any one builder.
 */
export const upstreamCatalogue: UpstreamCatalogue = {
  producers: [dataPreparationTraining, hyperparameterPrep, modelTraining, registeredModel],
  consumers: [modelServing, dataEvaluation, downstreamTraining, batchInference],
};
