import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { pytorchTrainingContract } from './contract.js';

export const pytorchTrainingSpec: StepSpecificationInput = {
  stepType: 'PyTorchTraining',
  nodeType: NodeType.INTERNAL,
  scriptContract: pytorchTrainingContract,
  dependencies: [
    {
      logicalName: 'input_path',
      dependencyType: DependencyType.TRAINING_DATA,
      required: true,
      compatibleSources: ['TabularPreprocessing', 'ProcessingStep', 'DataLoad', 'RiskTableMapping'],
      semanticKeywords: ['data', 'input', 'training', 'dataset', 'processed', 'train', 'pytorch'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Training dataset S3 location with train/val/test subdirectories',
    },
  ],
  outputs: [
    {
      logicalName: 'model_output',
      outputType: DependencyType.MODEL_ARTIFACTS,
      propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
      dataType: 'S3Uri',
      aliases: ['ModelArtifacts', 'model_data', 'output_path', 'model_input'],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Trained PyTorch model artifacts',
    },
    {
      logicalName: 'data_output',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.OutputDataConfig.S3OutputPath',
      dataType: 'S3Uri',
      aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Training evaluation results and predictions',
    },
  ],
};
