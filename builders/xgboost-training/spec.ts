import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { xgboostTrainingContract } from './contract.js';

export const xgboostTrainingSpec: StepSpecificationInput = {
  stepType: 'XGBoostTraining',
  nodeType: NodeType.INTERNAL,
  scriptContract: xgboostTrainingContract,
  dependencies: [
    {
      logicalName: 'input_path',
      dependencyType: DependencyType.TRAINING_DATA,
      required: true,
      compatibleSources: ['TabularPreprocessing', 'ProcessingStep', 'DataLoad', 'RiskTableMapping'],
      semanticKeywords: ['data', 'input', 'training', 'dataset', 'processed', 'train', 'tabular'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Training dataset S3 location with train/val/test subdirectories',
    },
    {
      logicalName: 'hyperparameters_s3_uri',
      dependencyType: DependencyType.HYPERPARAMETERS,
      required: false,
      compatibleSources: ['HyperparameterPrep', 'ProcessingStep'],
      semanticKeywords: ['config', 'params', 'hyperparameters', 'settings', 'hyperparams'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Hyperparameters configuration file (optional, can be generated internally)',
    },
  ],
  outputs: [
    {
      logicalName: 'model_output',
      outputType: DependencyType.MODEL_ARTIFACTS,
      propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
      dataType: 'S3Uri',
      aliases: ['ModelOutputPath', 'ModelArtifacts', 'model_data', 'output_path', 'model_input'],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Trained XGBoost model artifacts',
    },
    {
      logicalName: 'evaluation_output',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.OutputDataConfig.S3OutputPath',
      dataType: 'S3Uri',
      aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Model evaluation results and predictions (val.tar.gz, test.tar.gz)',
    },
  ],
};
