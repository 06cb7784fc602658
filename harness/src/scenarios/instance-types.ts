import { processorForInstanceType, serviceInstanceTypes } from '@stepscore/sagemaker';

/** The instance types SageMaker accepts for a builder's step type; CreateModel builders choose an inference type. */
export function instanceTypesFor(stepType: string): readonly string[] {
  switch (stepType) {
    case 'Training':
      return serviceInstanceTypes('training');
    case 'Processing':
      return serviceInstanceTypes('processing');
    case 'Transform':
      return serviceInstanceTypes('transform');
    case 'CreateModel':
      return serviceInstanceTypes('inference');
    default:
      return [];
  }
}

/** The processor family of an instance type; undefined for an expression or a type with no CPU/GPU image family. */
export function processorOf(instanceType: unknown): 'cpu' | 'gpu' | undefined {
  if (typeof instanceType !== 'string') return undefined;
  try {
    return processorForInstanceType(instanceType);
  } catch {
    return undefined;
  }
}
