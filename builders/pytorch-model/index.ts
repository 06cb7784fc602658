import { defineBuilder } from '@stepscore/step-builder';
import { PyTorchModelStepBuilder } from './builder.js';
import { pytorchModelConfigSchema, type PyTorchModelConfig } from './config.js';
import { pytorchModelContract } from './contract.js';
import { pytorchModelDefaultConfig } from './default-config.js';
import { pytorchModelSpec } from './spec.js';

export { PyTorchModelStepBuilder, pytorchModelConfigSchema, pytorchModelContract, pytorchModelSpec, pytorchModelDefaultConfig };
export type { PyTorchModelConfig };

export const pytorchModel = defineBuilder<PyTorchModelConfig>({
  stepName: 'PyTorchModel',
  stepType: 'CreateModel',
  framework: 'pytorch',
  // Stryker disable next-line StringLiteral: documentation; the registration's description is shown by `stepscore list` only
  description: 'PyTorch CreateModel step (<name>-CreateModel): inference image and script-mode environment, no repack',
  builderClass: PyTorchModelStepBuilder,
  configSchema: pytorchModelConfigSchema,
  spec: pytorchModelSpec,
  contract: pytorchModelContract,
  defaultConfig: pytorchModelDefaultConfig,
});
