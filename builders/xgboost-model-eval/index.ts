import { defineBuilder } from '@stepscore/step-builder';
import { XGBoostModelEvalStepBuilder } from './builder.js';
import { xgboostModelEvalConfigSchema, type XGBoostModelEvalConfig } from './config.js';
import { xgboostModelEvalContract } from './contract.js';
import { xgboostModelEvalDefaultConfig } from './default-config.js';
import { xgboostModelEvalSpec } from './spec.js';

export { XGBoostModelEvalStepBuilder, xgboostModelEvalConfigSchema, xgboostModelEvalContract, xgboostModelEvalSpec, xgboostModelEvalDefaultConfig };
export type { XGBoostModelEvalConfig };

export const xgboostModelEval = defineBuilder<XGBoostModelEvalConfig>({
  stepName: 'XGBoostModelEval',
  stepType: 'Processing',
  framework: 'xgboost',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'XGBoost framework processing: evaluates a trained model on processed data; metrics as a property file',
  builderClass: XGBoostModelEvalStepBuilder,
  configSchema: xgboostModelEvalConfigSchema,
  spec: xgboostModelEvalSpec,
  contract: xgboostModelEvalContract,
  defaultConfig: xgboostModelEvalDefaultConfig,
});
