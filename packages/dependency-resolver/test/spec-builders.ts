import { type DependencySpecInput, type OutputSpecInput, StepSpecification } from '@stepscore/step-model';

export const XGBOOST_INPUT_PATH: DependencySpecInput = {
  logicalName: 'input_path',
  dependencyType: 'training_data',
  required: true,
  compatibleSources: ['TabularPreprocessing', 'ProcessingStep', 'DataLoad', 'RiskTableMapping'],
  semanticKeywords: ['data', 'input', 'training', 'dataset', 'processed', 'train', 'tabular'],
  dataType: 'S3Uri',
};

export const PROCESSED_DATA: OutputSpecInput = {
  logicalName: 'processed_data',
  outputType: 'processing_output',
  propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
  aliases: ['input_path', 'training_data', 'model_input_data'],
  dataType: 'S3Uri',
};

export function sourceSpec(stepType: string, outputs: readonly OutputSpecInput[]): StepSpecification {
  return StepSpecification.create({ stepType, nodeType: 'source', dependencies: [], outputs });
}

export function sinkSpec(stepType: string, dependencies: readonly DependencySpecInput[]): StepSpecification {
  return StepSpecification.create({ stepType, nodeType: 'sink', dependencies, outputs: [] });
}

export function internalSpec(stepType: string, dependencies: readonly DependencySpecInput[], outputs: readonly OutputSpecInput[]): StepSpecification {
  return StepSpecification.create({ stepType, nodeType: 'internal', dependencies, outputs });
}

export function xgboostTrainingSpec(): StepSpecification {
  return internalSpec(
    'XGBoostTraining',
    [XGBOOST_INPUT_PATH],
    [{ logicalName: 'model_output', outputType: 'model_artifacts', propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts' }],
  );
}

export function tabularPreprocessingSpec(): StepSpecification {
  return sourceSpec('TabularPreprocessing_Training', [PROCESSED_DATA]);
}

/** An output that no dependency name in these tests resembles. */
export function plainOutput(logicalName: string, outputType: OutputSpecInput['outputType'], dataType = 'S3Uri'): OutputSpecInput {
  return { logicalName, outputType, propertyPath: `properties.Outputs['${logicalName}']`, dataType };
}
