// Reads a Transform step's Arguments (a CreateTransformJob request without TransformJobName).
// The job runs the image of the model it names, so it has no image, entrypoint or role of its own.

import { asStepValue, stepValueMap, valueAt } from '../request-reader.js';
import type { StepTypeAdapter, StepValue } from './step-adapter.js';
import { STEP_TYPES } from './vocabulary.js';

export interface TransformStepAdapter extends StepTypeAdapter {
  /** The model the job runs (`ModelName`), usually `{"Get": "Steps.<model step>-CreateModel.ModelName"}`. */
  modelName(args: unknown): StepValue | undefined;
}

export const transformAdapter: TransformStepAdapter = {
  vocabulary: STEP_TYPES.Transform,

  inputs(args) {
    if (valueAt(args, 'TransformInput') === undefined) return [];
    return [
      {
        name: 'TransformInput',
        source: asStepValue(valueAt(args, 'TransformInput', 'DataSource', 'S3DataSource', 'S3Uri')),
        containerPath: undefined,
        requestPath: 'TransformInput',
      },
    ];
  },

  outputs(args) {
    if (valueAt(args, 'TransformOutput') === undefined) return [];
    return [
      {
        name: 'TransformOutput',
        containerPath: undefined,
        destination: asStepValue(valueAt(args, 'TransformOutput', 'S3OutputPath')),
        requestPath: 'TransformOutput',
      },
    ];
  },

  resources(args) {
    return {
      instanceType: asStepValue(valueAt(args, 'TransformResources', 'InstanceType')),
      instanceCount: asStepValue(valueAt(args, 'TransformResources', 'InstanceCount')),
      volumeSizeInGB: undefined,
      requestPath: 'TransformResources',
    };
  },

  image: () => undefined,
  environment: (args) => stepValueMap(valueAt(args, 'Environment')),
  jobArguments: () => [],
  entrypoint: () => undefined,
  roleArn: () => undefined,
  modelName: (args) => asStepValue(valueAt(args, 'ModelName')),
};
