import type { JobType } from '@stepscore/step-builder';
import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { tabularPreprocessingContract } from './contract.js';

/** The reference's per-job-type keywords for the data it reads. */
const DATA_KEYWORDS: Readonly<Record<JobType, readonly string[]>> = {
  training: ['training', 'train', 'data', 'input', 'raw', 'dataset', 'source', 'tabular', 'model_training'],
  calibration: ['calibration', 'calib', 'eval', 'data', 'input', 'raw', 'dataset', 'source', 'tabular', 'evaluation', 'model_eval'],
  validation: ['validation', 'val', 'data', 'input', 'raw', 'dataset', 'source', 'tabular', 'model_validation', 'holdout'],
  testing: ['testing', 'test', 'data', 'input', 'raw', 'dataset', 'source', 'tabular', 'model_testing', 'holdout'],
};

/** The reference's aliases: training output feeds training steps, calibration output feeds evaluation. */
const OUTPUT_ALIASES: Readonly<Record<JobType, readonly string[]>> = {
  training: ['input_path', 'training_data', 'model_input_data'],
  calibration: ['eval_data_input', 'calibration_data', 'validation_data'],
  validation: [],
  testing: [],
};

/** One spec per job type, all under the step type `TabularPreprocessing` (so compatible sources can name it). */
export function tabularPreprocessingSpecFor(jobType: JobType): StepSpecificationInput {
  return {
    stepType: 'TabularPreprocessing',
    nodeType: NodeType.INTERNAL,
    scriptContract: tabularPreprocessingContract,
    dependencies: [
      {
        logicalName: 'DATA',
        dependencyType: DependencyType.PROCESSING_OUTPUT,
        required: true,
        compatibleSources: ['CradleDataLoading', 'DataLoad', 'ProcessingStep'],
        semanticKeywords: [...DATA_KEYWORDS[jobType]],
        dataType: 'S3Uri',
        // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
        description: `Raw ${jobType} data to preprocess`,
      },
    ],
    outputs: [
      {
        logicalName: 'processed_data',
        outputType: DependencyType.PROCESSING_OUTPUT,
        propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
        dataType: 'S3Uri',
        aliases: [...OUTPUT_ALIASES[jobType]],
        // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
        description: `Processed ${jobType} data, one folder per split`,
      },
    ],
  };
}

/** The spec registered for the default job type (training). */
export const tabularPreprocessingSpec: StepSpecificationInput = tabularPreprocessingSpecFor('training');
