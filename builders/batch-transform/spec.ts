import type { JobType } from '@stepscore/step-builder';
import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';

const JOB_WORD: Readonly<Record<JobType, string>> = { training: 'training', calibration: 'calibration', validation: 'validation', testing: 'testing' };

/** One spec per job type, all under the step type `BatchTransform`; only the data keywords differ. */
export function batchTransformSpecFor(jobType: JobType): StepSpecificationInput {
  return {
    stepType: 'BatchTransform',
    nodeType: NodeType.INTERNAL,
    dependencies: [
      {
        logicalName: 'model_name',
        dependencyType: DependencyType.CUSTOM_PROPERTY,
        required: true,
        // The model steps' registered names (the reference's PytorchModel/XgboostModel matched nothing).
        compatibleSources: ['PyTorchModel', 'XGBoostModel'],
        semanticKeywords: ['model', 'name', 'model_name', 'modelname'],
        dataType: 'String',
        // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
        description: "The model to run: a CreateModel step's ModelName",
      },
      {
        logicalName: 'processed_data',
        dependencyType: DependencyType.PROCESSING_OUTPUT,
        required: true,
        compatibleSources: ['TabularPreprocessing'],
        semanticKeywords: [JOB_WORD[jobType], 'data', 'features', 'preprocessed', 'tabular', 'input_data', 'model_input_data'],
        dataType: 'S3Uri',
        // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
        description: `Preprocessed ${jobType} records to score`,
      },
    ],
    outputs: [
      {
        logicalName: 'transform_output',
        // Files in S3, like any processing output, so evaluation and calibration steps can consume them.
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: 'properties.TransformOutput.S3OutputPath',
        dataType: 'S3Uri',
        aliases: ['batch_predictions', 'transform_results'],
        // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
        description: 'Where the transform job writes its predictions',
      },
    ],
  };
}

/** The spec registered for the default job type (testing). */
export const batchTransformSpec: StepSpecificationInput = batchTransformSpecFor('testing');
