import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';
import { xgboostModelEvalContract } from './contract.js';

export const xgboostModelEvalSpec: StepSpecificationInput = {
  stepType: 'XGBoostModelEval',
  nodeType: NodeType.INTERNAL,
  scriptContract: xgboostModelEvalContract,
  dependencies: [
    {
      logicalName: 'model_input',
      dependencyType: DependencyType.MODEL_ARTIFACTS,
      required: true,
      // Training steps only: a model step outputs a model name, not artefacts an evaluation can load.
      compatibleSources: ['XGBoostTraining', 'PyTorchTraining', 'DummyTraining'],
      semanticKeywords: ['model', 'artifacts', 'trained', 'output', 'modelartifacts'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Trained model artefacts (model.tar.gz) to evaluate',
    },
    {
      logicalName: 'processed_data',
      dependencyType: DependencyType.PROCESSING_OUTPUT,
      required: true,
      compatibleSources: ['TabularPreprocessing', 'CradleDataLoading', 'RiskTableMapping', 'CurrencyConversion'],
      semanticKeywords: ['data', 'evaluation', 'calibration', 'validation', 'test', 'processed'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Preprocessed evaluation data',
    },
  ],
  outputs: [
    {
      logicalName: 'eval_output',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: "properties.ProcessingOutputConfig.Outputs['eval_output'].S3Output.S3Uri",
      dataType: 'S3Uri',
      aliases: [],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Predictions on the evaluation data',
    },
    {
      logicalName: 'metrics_output',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: "properties.ProcessingOutputConfig.Outputs['metrics_output'].S3Output.S3Uri",
      dataType: 'S3Uri',
      aliases: [],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'metrics.json and the ROC and precision-recall curves',
    },
  ],
};
