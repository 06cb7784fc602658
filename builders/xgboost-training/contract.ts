import type { TrainingScriptContract } from '@stepscore/step-model';

export const xgboostTrainingContract: TrainingScriptContract = {
  entryPoint: 'xgboost_training.py',
  expectedInputPaths: {
    input_path: '/opt/ml/input/data',
    hyperparameters_s3_uri: '/opt/ml/input/data/config/hyperparameters.json',
  },
  expectedOutputPaths: {
    model_output: '/opt/ml/model',
    evaluation_output: '/opt/ml/output/data',
  },
  expectedArguments: {},
  requiredEnvVars: [],
  optionalEnvVars: {},
  // Stryker disable all: documentation; no request, pipeline or check reads a contract's frameworkRequirements or description
  frameworkRequirements: {
    boto3: '>=1.26.0',
    xgboost: '==1.7.6',
    'scikit-learn': '>=0.23.2,<1.0.0',
    pandas: '>=1.2.0,<2.0.0',
    pyarrow: '>=4.0.0,<6.0.0',
    pydantic: '>=2.0.0,<3.0.0',
    numpy: '>=1.19.0',
  },
  description:
    'XGBoost training script: reads train/val/test below /opt/ml/input/data and hyperparameters.json from the config channel; ' +
    'writes xgboost_model.bst and preprocessing artefacts to /opt/ml/model and val/test predictions to /opt/ml/output/data.',
  // Stryker restore all
};
