// Reads a Processing step's Arguments (a CreateProcessingJob request without ProcessingJobName).

import { asStepValue, listItems, literalString, stepValueList, stepValueMap, valueAt } from '../request-reader.js';
import { indexPath } from '../property-path.js';
import type { AdapterInput, AdapterOutput, StepTypeAdapter } from './step-adapter.js';
import { STEP_TYPES } from './vocabulary.js';

export const processingAdapter: StepTypeAdapter = {
  vocabulary: STEP_TYPES.Processing,

  /** S3 inputs read S3Input; dataset inputs (Athena, Redshift) have no S3 source but a LocalPath of their own. */
  inputs(args) {
    return listItems(valueAt(args, 'ProcessingInputs')).map((input, index): AdapterInput => {
      const requestPath = indexPath('ProcessingInputs', index);
      const localPath = valueAt(input, 'S3Input', 'LocalPath') ?? valueAt(input, 'DatasetDefinition', 'LocalPath');
      return {
        name: literalString(valueAt(input, 'InputName')) ?? requestPath,
        source: asStepValue(valueAt(input, 'S3Input', 'S3Uri')),
        containerPath: literalString(localPath),
        requestPath,
      };
    });
  },

  outputs(args) {
    return listItems(valueAt(args, 'ProcessingOutputConfig', 'Outputs')).map((output, index): AdapterOutput => {
      const requestPath = indexPath('ProcessingOutputConfig.Outputs', index);
      return {
        name: literalString(valueAt(output, 'OutputName')) ?? requestPath,
        containerPath: literalString(valueAt(output, 'S3Output', 'LocalPath')),
        destination: asStepValue(valueAt(output, 'S3Output', 'S3Uri')),
        requestPath,
      };
    });
  },

  resources(args) {
    const cluster = valueAt(args, 'ProcessingResources', 'ClusterConfig');
    return {
      instanceType: asStepValue(valueAt(cluster, 'InstanceType')),
      instanceCount: asStepValue(valueAt(cluster, 'InstanceCount')),
      volumeSizeInGB: asStepValue(valueAt(cluster, 'VolumeSizeInGB')),
      requestPath: 'ProcessingResources.ClusterConfig',
    };
  },

  image: (args) => asStepValue(valueAt(args, 'AppSpecification', 'ImageUri')),
  environment: (args) => stepValueMap(valueAt(args, 'Environment')),
  jobArguments: (args) => stepValueList(valueAt(args, 'AppSpecification', 'ContainerArguments')) ?? [],
  entrypoint: (args) => stepValueList(valueAt(args, 'AppSpecification', 'ContainerEntrypoint')),
  roleArn: (args) => asStepValue(valueAt(args, 'RoleArn')),
};
