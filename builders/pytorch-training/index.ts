import { defineBuilder } from '@stepscore/step-builder';
import { PyTorchTrainingStepBuilder } from './builder.js';
import { pytorchTrainingConfigSchema, type PyTorchTrainingConfig } from './config.js';
import { pytorchTrainingContract } from './contract.js';
import { pytorchTrainingDefaultConfig } from './default-config.js';
import { pytorchTrainingSpec } from './spec.js';

export { PyTorchTrainingStepBuilder, pytorchTrainingConfigSchema, pytorchTrainingContract, pytorchTrainingSpec, pytorchTrainingDefaultConfig };
export type { PyTorchTrainingConfig };

export const pytorchTraining = defineBuilder<PyTorchTrainingConfig>({
  stepName: 'PyTorchTraining',
  stepType: 'Training',
  framework: 'pytorch',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'PyTorch framework training: one data channel, hyperparameters on the step, checkpoints via CheckpointConfig',
  builderClass: PyTorchTrainingStepBuilder,
  configSchema: pytorchTrainingConfigSchema,
  spec: pytorchTrainingSpec,
  contract: pytorchTrainingContract,
  defaultConfig: pytorchTrainingDefaultConfig,
});
