// The instance types SageMaker accepts per job kind: the service model's enums (see service-constraints.ts) for
// jobs; the SDK client's enum for a model's endpoint variant, a shape no step request carries.
import { sagemakerSdk } from './sagemaker-sdk.js';
import { processingInstanceTypes, trainingInstanceTypes, transformInstanceTypes } from './service-constraints.js';

export type InstanceTypeUse = 'training' | 'processing' | 'transform' | 'inference';

/** Every instance type a job of the kind, or a model's endpoint variant, may run on. */
export function serviceInstanceTypes(use: InstanceTypeUse): string[] {
  switch (use) {
    case 'training':
      return trainingInstanceTypes();
    case 'processing':
      return processingInstanceTypes();
    case 'transform':
      return transformInstanceTypes();
    case 'inference':
      return Object.values(sagemakerSdk().ProductionVariantInstanceType);
  }
}
