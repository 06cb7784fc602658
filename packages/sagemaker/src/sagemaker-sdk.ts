// @aws-sdk/client-sagemaker, loaded on first use. Builders import this package for image URIs and
// hyperparameters, and the SDK costs a fifth of a second to load: only the functions that read its schemas or
// enums pay for it. It ships CommonJS, so a synchronous require gives the same module `import` would.
import { createRequire } from 'node:module';
import type * as SageMakerSdk from '@aws-sdk/client-sagemaker';

const requireFromHere = createRequire(import.meta.url);

let loaded: typeof SageMakerSdk | undefined;

/** The SageMaker client package's exports, loaded the first time they are asked for. */
export function sagemakerSdk(): typeof SageMakerSdk {
  loaded ??= requireFromHere('@aws-sdk/client-sagemaker') as typeof SageMakerSdk;
  return loaded;
}
