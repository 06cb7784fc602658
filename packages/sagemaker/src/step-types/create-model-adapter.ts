// Reads a CreateModel step's Arguments (a CreateModel request without ModelName; the
// pipeline `Type` is `Model`). It reads the PrimaryContainer, or else the first of Containers.
// The step runs nothing: no resources, outputs or job arguments.

import { asStepValue, stepValueMap, valueAt } from '../request-reader.js';
import type { AdapterInput, StepTypeAdapter } from './step-adapter.js';
import { STEP_TYPES } from './vocabulary.js';

/** The container the model serves from and its request path; undefined when the request has none. */
export function modelContainer(args: unknown): { readonly container: unknown; readonly requestPath: string } | undefined {
  const primary = valueAt(args, 'PrimaryContainer');
  if (primary !== undefined) return { container: primary, requestPath: 'PrimaryContainer' };
  const first = valueAt(args, 'Containers', 0);
  return first === undefined ? undefined : { container: first, requestPath: 'Containers[0]' };
}

export const createModelAdapter: StepTypeAdapter = {
  vocabulary: STEP_TYPES.CreateModel,

  /** ModelDataUrl (a .tar.gz), or ModelDataSource's S3 location (uncompressed artefacts). */
  inputs(args) {
    const found = modelContainer(args);
    if (found === undefined) return [];
    const inputs: AdapterInput[] = [];
    const { container, requestPath } = found;
    if (valueAt(container, 'ModelDataUrl') !== undefined) {
      inputs.push({
        name: 'ModelDataUrl',
        source: asStepValue(valueAt(container, 'ModelDataUrl')),
        containerPath: undefined,
        requestPath: `${requestPath}.ModelDataUrl`,
      });
    }
    if (valueAt(container, 'ModelDataSource') !== undefined) {
      inputs.push({
        name: 'ModelDataSource',
        source: asStepValue(valueAt(container, 'ModelDataSource', 'S3DataSource', 'S3Uri')),
        containerPath: undefined,
        requestPath: `${requestPath}.ModelDataSource`,
      });
    }
    return inputs;
  },

  outputs: () => [],
  resources: () => undefined,
  image: (args) => asStepValue(valueAt(modelContainer(args)?.container, 'Image')),
  environment: (args) => stepValueMap(valueAt(modelContainer(args)?.container, 'Environment')),
  jobArguments: () => [],
  entrypoint: () => undefined,
  roleArn: (args) => asStepValue(valueAt(args, 'ExecutionRoleArn')),
};
