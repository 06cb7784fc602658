import { defineBuilder } from '@stepscore/step-builder';
import { XGBoostModelStepBuilder } from './builder.js';
import { xgboostModelConfigSchema, type XGBoostModelConfig } from './config.js';
import { xgboostModelContract } from './contract.js';
import { xgboostModelDefaultConfig } from './default-config.js';
import { xgboostModelSpec } from './spec.js';

export { XGBoostModelStepBuilder, xgboostModelConfigSchema, xgboostModelContract, xgboostModelSpec, xgboostModelDefaultConfig };
export type { XGBoostModelConfig };

export const xgboostModel = defineBuilder<XGBoostModelConfig>({
  stepName: 'XGBoostModel',
  stepType: 'CreateModel',
  framework: 'xgboost',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'XGBoost CreateModel step (<name>-CreateModel): native serving, or script mode from an S3 source_dir',
  builderClass: XGBoostModelStepBuilder,
  configSchema: xgboostModelConfigSchema,
  spec: xgboostModelSpec,
  contract: xgboostModelContract,
  defaultConfig: xgboostModelDefaultConfig,
});
