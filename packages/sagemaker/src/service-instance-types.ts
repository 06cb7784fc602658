// The instance types SageMaker accepts per job kind, from the enums @aws-sdk/client-sagemaker ships.
import { ProcessingInstanceType, ProductionVariantInstanceType, TransformInstanceType } from '@aws-sdk/client-sagemaker';

export type InstanceTypeUse = 'processing' | 'transform' | 'inference';

const BY_USE: Readonly<Record<InstanceTypeUse, Readonly<Record<string, string>>>> = {
  processing: ProcessingInstanceType,
  transform: TransformInstanceType,
  inference: ProductionVariantInstanceType,
};

/** Every instance type a processing job, a transform job or a model's endpoint variant may run on. */
export function serviceInstanceTypes(use: InstanceTypeUse): string[] {
  return Object.values(BY_USE[use]);
}
