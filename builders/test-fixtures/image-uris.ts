import { readFileSync } from 'node:fs';

export interface PyTorchImageCase {
  readonly version: string;
  readonly py_version: string;
  readonly instance_type: string;
  readonly region: string;
  readonly uri: string;
}

export interface XGBoostImageCase {
  readonly version: string;
  readonly region: string;
  readonly uri: string;
}

/** `sagemaker.image_uris.retrieve` results of SDK v2.257.6, produced for this project. */
export const referenceImageUris = JSON.parse(readFileSync(new URL('./reference/image_uris_sdk_v2.257.6.json', import.meta.url), 'utf8')) as {
  pytorch_training: readonly PyTorchImageCase[];
  xgboost: readonly XGBoostImageCase[];
};
