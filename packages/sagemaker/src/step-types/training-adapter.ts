// Reads a Training step's Arguments (a CreateTrainingJob request without TrainingJobName).

import { asStepValue, listItems, literalString, stepValueList, stepValueMap, valueAt } from '../request-reader.js';
import { indexPath } from '../property-path.js';
import type { AdapterInput, AdapterOutput, StepTypeAdapter, StepValue } from './step-adapter.js';
import { STEP_TYPES } from './vocabulary.js';

export const TRAINING_CHANNEL_ROOT = '/opt/ml/input/data';
export const TRAINING_MODEL_DIR = '/opt/ml/model';
export const TRAINING_OUTPUT_DATA_DIR = '/opt/ml/output/data';
/** CheckpointConfig.LocalPath when the request gives none. */
export const TRAINING_DEFAULT_CHECKPOINT_DIR = '/opt/ml/checkpoints';

export const trainingAdapter: StepTypeAdapter = {
  vocabulary: STEP_TYPES.Training,

  inputs(args) {
    return listItems(valueAt(args, 'InputDataConfig')).map((channel, index): AdapterInput => {
      const channelName = literalString(valueAt(channel, 'ChannelName'));
      const requestPath = indexPath('InputDataConfig', index);
      return {
        name: channelName ?? requestPath,
        source: asStepValue(valueAt(channel, 'DataSource', 'S3DataSource', 'S3Uri')),
        containerPath: channelName === undefined ? undefined : `${TRAINING_CHANNEL_ROOT}/${channelName}`,
        requestPath,
      };
    });
  },

  outputs(args) {
    const outputs: AdapterOutput[] = [];
    if (valueAt(args, 'OutputDataConfig') !== undefined) {
      const destination = asStepValue(valueAt(args, 'OutputDataConfig', 'S3OutputPath'));
      outputs.push(
        { name: 'ModelArtifacts', containerPath: TRAINING_MODEL_DIR, destination, requestPath: 'OutputDataConfig' },
        { name: 'OutputData', containerPath: TRAINING_OUTPUT_DATA_DIR, destination, requestPath: 'OutputDataConfig' },
      );
    }
    if (valueAt(args, 'CheckpointConfig') !== undefined) {
      outputs.push({
        name: 'CheckpointConfig',
        containerPath: literalString(valueAt(args, 'CheckpointConfig', 'LocalPath')) ?? TRAINING_DEFAULT_CHECKPOINT_DIR,
        destination: asStepValue(valueAt(args, 'CheckpointConfig', 'S3Uri')),
        requestPath: 'CheckpointConfig',
      });
    }
    return outputs;
  },

  resources(args) {
    return {
      instanceType: asStepValue(valueAt(args, 'ResourceConfig', 'InstanceType')),
      instanceCount: asStepValue(valueAt(args, 'ResourceConfig', 'InstanceCount')),
      volumeSizeInGB: asStepValue(valueAt(args, 'ResourceConfig', 'VolumeSizeInGB')),
      requestPath: 'ResourceConfig',
    };
  },

  image: (args) => asStepValue(valueAt(args, 'AlgorithmSpecification', 'TrainingImage')),
  environment: (args) => stepValueMap(valueAt(args, 'Environment')),

  /** The hyperparameters as the script sees them: `--name value` pairs, values as emitted (JSON-encoded by the SDK). */
  jobArguments(args) {
    return Object.entries(stepValueMap(valueAt(args, 'HyperParameters'))).flatMap(([name, value]): StepValue[] => [`--${name}`, value]);
  },

  entrypoint: (args) => stepValueList(valueAt(args, 'AlgorithmSpecification', 'ContainerEntrypoint')),
  roleArn: (args) => asStepValue(valueAt(args, 'RoleArn')),
};
