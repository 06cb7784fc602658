import { defineBuilder } from '@stepscore/step-builder';
import { TabularPreprocessingStepBuilder } from './builder.js';
import { tabularPreprocessingConfigSchema, type TabularPreprocessingConfig } from './config.js';
import { tabularPreprocessingContract } from './contract.js';
import { tabularPreprocessingDefaultConfig } from './default-config.js';
import { tabularPreprocessingSpec, tabularPreprocessingSpecFor } from './spec.js';

export {
  TabularPreprocessingStepBuilder,
  tabularPreprocessingConfigSchema,
  tabularPreprocessingContract,
  tabularPreprocessingSpec,
  tabularPreprocessingSpecFor,
  tabularPreprocessingDefaultConfig,
};
export type { TabularPreprocessingConfig };

export const tabularPreprocessing = defineBuilder<TabularPreprocessingConfig>({
  stepName: 'TabularPreprocessing',
  stepType: 'Processing',
  framework: 'sklearn',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'scikit-learn processing: cleans and splits tabular data per job type; --job_type from the config',
  builderClass: TabularPreprocessingStepBuilder,
  configSchema: tabularPreprocessingConfigSchema,
  spec: tabularPreprocessingSpec,
  contract: tabularPreprocessingContract,
  defaultConfig: tabularPreprocessingDefaultConfig,
});
