import { defineBuilder } from '@stepscore/step-builder';
import { XGBoostTrainingStepBuilder } from './builder.js';
import { xgboostTrainingConfigSchema, type XGBoostTrainingConfig } from './config.js';
import { xgboostTrainingContract } from './contract.js';
import { xgboostTrainingDefaultConfig } from './default-config.js';
import { xgboostTrainingSpec } from './spec.js';

export { XGBoostTrainingStepBuilder, xgboostTrainingConfigSchema, xgboostTrainingContract, xgboostTrainingSpec, xgboostTrainingDefaultConfig };
export type { XGBoostTrainingConfig };

export const xgboostTraining = defineBuilder<XGBoostTrainingConfig>({
  stepName: 'XGBoostTraining',
  stepType: 'Training',
  framework: 'xgboost',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'XGBoost framework training: train/val/test channels, hyperparameters.json through a config channel',
  builderClass: XGBoostTrainingStepBuilder,
  configSchema: xgboostTrainingConfigSchema,
  spec: xgboostTrainingSpec,
  contract: xgboostTrainingContract,
  defaultConfig: xgboostTrainingDefaultConfig,
});
