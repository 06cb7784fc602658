// Training image facts from sagemaker-python-sdk v2.257.6 (src/sagemaker/image_uri_config/
// pytorch.json "training" and xgboost.json), limited to what the reference file
// test/fixtures/image_uris_sdk_v2.257.6.json confirms.

export type TrainingFramework = 'pytorch' | 'xgboost';
export type Processor = 'cpu' | 'gpu';

export interface FrameworkVersionImage {
  readonly version: string;
  readonly pyVersions: readonly string[];
  /** Processors that have an image of this version. */
  readonly processors: readonly Processor[];
  /** 'version': one image serves every processor and Python version, and the tag is the version alone. */
  readonly tagFormat: 'version-processor-py' | 'version';
}

export interface FrameworkImages {
  readonly displayName: string;
  readonly repository: string;
  readonly registries: Readonly<Record<string, string>>;
  readonly versions: readonly FrameworkVersionImage[];
  /** Short version -> full version; the tag keeps the short version as given. */
  readonly versionAliases: Readonly<Record<string, string>>;
}

export const DEEP_LEARNING_CONTAINER_REGISTRIES: Readonly<Record<string, string>> = {
  'us-east-1': '763104351884',
  'us-west-2': '763104351884',
  'eu-west-1': '763104351884',
  'ap-northeast-1': '763104351884',
  'cn-north-1': '727897471807',
  'us-gov-west-1': '442386744353',
  'il-central-1': '780543022126',
};

const XGBOOST_REGISTRIES: Readonly<Record<string, string>> = {
  'us-east-1': '683313688378',
  'us-west-2': '246618743249',
  'eu-west-1': '141502667606',
  'ap-northeast-1': '354813040037',
  'cn-north-1': '450853457545',
  'us-gov-west-1': '414596584902',
  'il-central-1': '898809789911',
};

const CPU_AND_GPU: readonly Processor[] = ['cpu', 'gpu'];
const PER_PROCESSOR_AND_PY = { processors: CPU_AND_GPU, tagFormat: 'version-processor-py' } as const;
const ONE_IMAGE = { processors: CPU_AND_GPU, tagFormat: 'version' } as const;

export const FRAMEWORK_IMAGES: Readonly<Record<TrainingFramework, FrameworkImages>> = {
  pytorch: {
    displayName: 'PyTorch',
    repository: 'pytorch-training',
    registries: DEEP_LEARNING_CONTAINER_REGISTRIES,
    versions: [
      { version: '1.8.0', pyVersions: ['py36'], ...PER_PROCESSOR_AND_PY },
      { version: '1.13.1', pyVersions: ['py39'], ...PER_PROCESSOR_AND_PY },
      { version: '2.0.0', pyVersions: ['py310'], ...PER_PROCESSOR_AND_PY },
      { version: '2.1.0', pyVersions: ['py310'], ...PER_PROCESSOR_AND_PY },
      { version: '2.3.0', pyVersions: ['py311'], ...PER_PROCESSOR_AND_PY },
      { version: '2.5.1', pyVersions: ['py311'], ...PER_PROCESSOR_AND_PY },
      { version: '2.6.0', pyVersions: ['py312'], ...PER_PROCESSOR_AND_PY },
      { version: '2.8.0', pyVersions: ['py312'], ...PER_PROCESSOR_AND_PY },
    ],
    versionAliases: { '1.13': '1.13.1', '2.0': '2.0.0' },
  },
  xgboost: {
    displayName: 'XGBoost',
    repository: 'sagemaker-xgboost',
    registries: XGBOOST_REGISTRIES,
    versions: [
      { version: '1.0-1', pyVersions: ['py3'], processors: ['cpu'], tagFormat: 'version-processor-py' },
      { version: '1.2-1', pyVersions: ['py3'], ...ONE_IMAGE },
      { version: '1.5-1', pyVersions: ['py3'], ...ONE_IMAGE },
      { version: '1.7-1', pyVersions: ['py3'], ...ONE_IMAGE },
      { version: '3.0-5', pyVersions: ['py3'], ...ONE_IMAGE },
    ],
    versionAliases: {},
  },
};

export function ecrDomain(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
