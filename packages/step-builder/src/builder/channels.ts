import type { DependencySpec, ScriptContract } from '@stepscore/step-model';
import type { PipelineValue, TrainingChannel } from './step-definition.js';
import { TRAINING_CHANNEL_ROOT as CHANNEL_ROOT } from '@stepscore/sagemaker';
import { s3Channel } from './training-step-builder.js';

export interface ChannelLayout {
  /** How an input mapped to the channel root itself (`/opt/ml/input/data`) is split into channels. */
  readonly wholeDataRoot: (uri: PipelineValue) => readonly (readonly [string, PipelineValue])[];
}

/**
 * The channels one logical input becomes, from its container path in the contract:
 * `/opt/ml/input/data/<channel>/...` is channel `<channel>`; the root itself follows the builder's layout.
 */
export function channelsForInput(
  dep: DependencySpec,
  value: PipelineValue | undefined,
  contract: ScriptContract | undefined,
  layout: ChannelLayout,
): TrainingChannel[] {
  if (value === undefined) {
    if (dep.required) throw new Error(`Required input '${dep.logicalName}' not provided`);
    return [];
  }
  if (!contract) throw new Error('Script contract is required for input mapping');
  const containerPath = contract.expectedInputPaths[dep.logicalName];
  if (containerPath === undefined) throw new Error(`No container path found for input: ${dep.logicalName}`);
  if (containerPath === CHANNEL_ROOT) return layout.wholeDataRoot(value).map(([name, uri]) => s3Channel(name, uri));
  const channel = containerPath.startsWith(`${CHANNEL_ROOT}/`) ? containerPath.slice(CHANNEL_ROOT.length + 1).split('/')[0] : undefined;
  return [s3Channel(channel ?? dep.logicalName, value)];
}
