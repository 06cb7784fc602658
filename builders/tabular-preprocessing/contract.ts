import type { ProcessingScriptContract } from '@stepscore/step-model';

/**
 * The reference's TABULAR_PREPROCESS_CONTRACT with its gap closed: the script's argparse requires `--job_type`,
 * so the contract declares it (the reference declared no arguments and the builder added it on the side).
 */
export const tabularPreprocessingContract: ProcessingScriptContract = {
  entryPoint: 'tabular_preprocessing.py',
  expectedInputPaths: {
    DATA: '/opt/ml/processing/input/data',
  },
  expectedOutputPaths: {
    processed_data: '/opt/ml/processing/output',
  },
  expectedArguments: {
    job_type: 'training',
  },
  requiredEnvVars: ['LABEL_FIELD', 'TRAIN_RATIO', 'TEST_VAL_RATIO'],
  optionalEnvVars: {
    CATEGORICAL_COLUMNS: '',
    NUMERICAL_COLUMNS: '',
    TEXT_COLUMNS: '',
    DATE_COLUMNS: '',
  },
  // Stryker disable all: documentation; no request, pipeline or check reads a contract's frameworkRequirements or description
  frameworkRequirements: {
    pandas: '>=1.3.0',
    numpy: '>=1.21.0',
    'scikit-learn': '>=1.0.0',
  },
  description:
    'Tabular preprocessing: reads the raw data shards below /opt/ml/processing/input/data, cleans the label named by ' +
    'LABEL_FIELD, splits training data into train/test/val by TRAIN_RATIO and TEST_VAL_RATIO (other job types keep ' +
    'one split) and writes <split>/<split>_processed_data.csv below /opt/ml/processing/output.',
  // Stryker restore all
};
