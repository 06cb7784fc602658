import { serviceInstanceTypes } from '@stepscore/sagemaker';

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
