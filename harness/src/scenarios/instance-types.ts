import { processingInstanceTypes, trainingInstanceTypes, transformInstanceTypes } from '@stepscore/sagemaker';

/** The instance types SageMaker accepts for a step type's jobs, from the service model; [] for steps that run on none. */
export function instanceTypesFor(stepType: string): readonly string[] {
  switch (stepType) {
    case 'Training':
      return trainingInstanceTypes();
    case 'Processing':
      return processingInstanceTypes();
    case 'Transform':
      return transformInstanceTypes();
    default:
      return [];
  }
}
