import { CreateModelStepBuilder, type StepBuilderOptions } from '@stepscore/step-builder';
import type { PyTorchModelConfig } from './config.js';
import { pytorchModelSpec } from './spec.js';

/**
 * Builds the `<name>-CreateModel` step the SDK's `ModelStep(PyTorchModel(...).create(...))` builds: the PyTorch
 * inference image, SAGEMAKER_PROGRAM run from `/opt/ml/model/code`, the model data as given. The inference code
 * must already be packed in model.tar.gz under `code/` (see NOTES.md: no repack step).
 */
export class PyTorchModelStepBuilder extends CreateModelStepBuilder<PyTorchModelConfig> {
  readonly framework = 'pytorch' as const;

  constructor(config: PyTorchModelConfig, options: StepBuilderOptions = {}) {
    super(config, pytorchModelSpec, options);
  }

  /** Where the PyTorch serving container looks for the inference code inside the unpacked model. */
  getSubmitDirectory(): string {
    return '/opt/ml/model/code';
  }
}
