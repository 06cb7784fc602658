import type { ProcessingScriptContract } from '@stepscore/step-model';

/** The reference's XGBOOST_MODEL_EVAL_CONTRACT, with the `--job_type` argument its script requires declared. */
export const xgboostModelEvalContract: ProcessingScriptContract = {
  entryPoint: 'xgboost_model_evaluation.py',
  expectedInputPaths: {
    model_input: '/opt/ml/processing/input/model',
    processed_data: '/opt/ml/processing/input/eval_data',
  },
  expectedOutputPaths: {
    eval_output: '/opt/ml/processing/output/eval',
    metrics_output: '/opt/ml/processing/output/metrics',
  },
  expectedArguments: {
    job_type: 'calibration',
  },
  requiredEnvVars: ['ID_FIELD', 'LABEL_FIELD'],
  optionalEnvVars: {},
  // Stryker disable all: documentation; no request, pipeline or check reads a contract's frameworkRequirements or description
  frameworkRequirements: {
    pandas: '>=1.3.0',
    numpy: '>=1.21.0',
    'scikit-learn': '>=1.0.0',
    xgboost: '>=1.6.0',
    matplotlib: '>=3.5.0',
  },
  description:
    'XGBoost model evaluation: loads xgboost_model.bst, risk_table_map.pkl, impute_dict.pkl, feature_columns.txt and ' +
    'hyperparameters.json from the model input, scores the evaluation data (id column ID_FIELD, label LABEL_FIELD), ' +
    'writes eval/eval_predictions.csv and metrics/metrics.json, roc_curve.jpg, pr_curve.jpg.',
  // Stryker restore all
};
