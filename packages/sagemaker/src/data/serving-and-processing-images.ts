// Inference and processing image facts from sagemaker-python-sdk v2.257.6 (src/sagemaker/image_uri_config/
// pytorch.json "inference", sklearn.json, xgboost.json), limited to the regions the training table knows.
// XGBoost serves and processes with its training image (same repository, same accounts, same tags).

import type { FrameworkImages, Processor } from './framework-images.js';
import { DEEP_LEARNING_CONTAINER_REGISTRIES } from './framework-images.js';

/** The accounts of the first-party algorithm images (scikit-learn; XGBoost adds il-central-1). */
const SKLEARN_REGISTRIES: Readonly<Record<string, string>> = {
  'us-east-1': '683313688378',
  'us-west-2': '246618743249',
  'eu-west-1': '141502667606',
  'ap-northeast-1': '354813040037',
  'cn-north-1': '450853457545',
  'us-gov-west-1': '414596584902',
};

const CPU_ONLY: readonly Processor[] = ['cpu'];
const CPU_AND_GPU: readonly Processor[] = ['cpu', 'gpu'];
const PER_PROCESSOR_AND_PY = { processors: CPU_AND_GPU, tagFormat: 'version-processor-py' } as const;
const SKLEARN_IMAGE = { pyVersions: ['py3'], processors: CPU_ONLY, tagFormat: 'version-processor-py' } as const;

/** sklearn.json: one cpu image per version, `<version>-cpu-py3`, used for training, inference and processing. */
export const SKLEARN_IMAGES: FrameworkImages = {
  displayName: 'scikit-learn',
  repository: 'sagemaker-scikit-learn',
  registries: SKLEARN_REGISTRIES,
  versions: [
    { version: '0.20.0', ...SKLEARN_IMAGE },
    { version: '0.23-1', ...SKLEARN_IMAGE },
    { version: '1.0-1', ...SKLEARN_IMAGE },
    { version: '1.2-1', ...SKLEARN_IMAGE },
  ],
  versionAliases: {},
};

/** pytorch.json "inference": `pytorch-inference:<version>-<cpu|gpu>-<py>`. */
export const PYTORCH_INFERENCE_IMAGES: FrameworkImages = {
  displayName: 'PyTorch inference',
  repository: 'pytorch-inference',
  registries: DEEP_LEARNING_CONTAINER_REGISTRIES,
  versions: [
    { version: '1.12.0', pyVersions: ['py38'], ...PER_PROCESSOR_AND_PY },
    { version: '1.13.1', pyVersions: ['py39'], ...PER_PROCESSOR_AND_PY },
    { version: '2.0.0', pyVersions: ['py310'], ...PER_PROCESSOR_AND_PY },
    { version: '2.1.0', pyVersions: ['py310'], ...PER_PROCESSOR_AND_PY },
    { version: '2.3.0', pyVersions: ['py311'], ...PER_PROCESSOR_AND_PY },
    { version: '2.5.1', pyVersions: ['py311'], ...PER_PROCESSOR_AND_PY },
    { version: '2.6.0', pyVersions: ['py312'], ...PER_PROCESSOR_AND_PY },
  ],
  versionAliases: { '1.12': '1.12.0', '1.13': '1.13.1', '2.0': '2.0.0' },
};
