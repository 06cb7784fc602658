import { posix } from 'node:path';
import type { PipelineStepDefinition } from '@stepscore/step-builder';
import { isUnderContainerPath, type TrainingScriptContract } from '@stepscore/step-model';
import { defineCheck, fail } from '../../check/check-definition.js';
import { mockInputsFor } from '../../context/mock-inputs.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { channelFeed, channelObjectPath, objectIsRead } from './channel-sources.js';
import { probeBuilder } from './config-variants.js';
import { CHANNEL_MOUNT_ROOT, type ChannelView, channelLabel, show, trainingChannels } from './step-arguments.js';

interface Scenario {
  readonly label: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly step: PipelineStepDefinition;
  /** S3 URIs of the objects the builder wrote while creating the step. */
  readonly written: readonly string[];
}

/** Where SageMaker mounts the channel, and whether that agrees with the container path the script reads. */
function mountProblems(channel: ChannelView, containerPath: string, feeder: string): string[] {
  if (typeof channel.name !== 'string') return [`${feeder} feeds InputDataConfig[${channel.index}], which has no ChannelName`];
  const mount = `${CHANNEL_MOUNT_ROOT}/${channel.name}`;
  if (isUnderContainerPath(mount, containerPath)) return [];
  if (isUnderContainerPath(containerPath, mount)) {
    const object = channelObjectPath(channel.s3Uri);
    // A prefix (or an expression) can hold an object of any name; only a named object can be checked.
    if (object === undefined) return [];
    const landsAt = `${mount}/${posix.basename(object)}`;
    if (landsAt === containerPath) return [];
    return [
      `channel '${channel.name}' (${feeder}) reads ${object}, which SageMaker puts at ${landsAt}, but the script contract's path is ${containerPath}: ` +
        `the S3 object must be named '${posix.basename(containerPath)}'`,
    ];
  }
  return [
    `channel '${channel.name}' (${feeder}) is mounted at ${mount}, which is neither under nor above the script contract's path ${containerPath}`,
  ];
}

function scenarioProblems(scenario: Scenario, contract: TrainingScriptContract): string[] {
  const channels = trainingChannels(scenario.step);
  const problems: string[] = [];
  if (channels.length === 0) return [`InputDataConfig has no channels`];
  const names = channels.map((c) => c.name);
  const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (repeated.length > 0) problems.push(`channel name(s) ${repeated.map(show).join(', ')} are used more than once; channel names must be unique`);
  const channelList = channels.map((c) => `${channelLabel(c)} <- ${show(c.s3Uri)}`).join(', ');

  for (const [input, uri] of Object.entries(scenario.inputs)) {
    const fed = channels.filter((c) => channelFeed(c.s3Uri, uri) !== undefined);
    if (fed.length === 0) {
      problems.push(`input '${input}' (${uri}) feeds no channel (channels: ${channelList})`);
      continue;
    }
    const containerPath = contract.expectedInputPaths[input];
    if (containerPath === undefined) {
      problems.push(`input '${input}' feeds channel(s) ${fed.map(channelLabel).join(', ')} but has no container path in the script contract`);
      continue;
    }
    for (const channel of fed) problems.push(...mountProblems(channel, containerPath, `fed by input '${input}'`));
  }

  const provided = Object.values(scenario.inputs);
  for (const channel of channels) {
    if (provided.some((uri) => channelFeed(channel.s3Uri, uri) !== undefined)) continue;
    const written = scenario.written.find((objectUri) => objectIsRead(objectUri, channel.s3Uri));
    if (written === undefined) {
      problems.push(
        `channel ${channelLabel(channel)} reads ${show(channel.s3Uri)}, which is neither one of the provided inputs ` +
          `(${Object.keys(scenario.inputs).join(', ') || 'none'}) nor a file the builder wrote`,
      );
      continue;
    }
    // A file the builder wrote stands in for a contract input that was not provided.
    const mount = typeof channel.name === 'string' ? `${CHANNEL_MOUNT_ROOT}/${channel.name}` : '';
    const standsFor = Object.entries(contract.expectedInputPaths).filter(
      ([name, path]) => !(name in scenario.inputs) && mount !== '' && (isUnderContainerPath(mount, path) || isUnderContainerPath(path, mount)),
    );
    if (standsFor.length === 0) {
      problems.push(`channel ${channelLabel(channel)} carries ${written}, a file the builder wrote, at ${mount || 'no mount path'}, where the script contract expects no input`);
      continue;
    }
    const perInput = standsFor.map(([name, path]) => mountProblems(channel, path, `a file the builder wrote for contract input '${name}'`));
    if (perInput.every((p) => p.length > 0)) problems.push(...(perInput[0] ?? []));
  }
  return problems.map((p) => `with ${scenario.label}: ${p}`);
}

export const inputChannelsMapped = defineCheck({
  id: 'level3.input_channels_mapped',
  level: 3,
  severity: 'blocker',
  importance: 1.4,
  appliesTo: ['Training'],
  title: 'Every input feeds a uniquely named channel mounted where the script contract expects it',
  async run(ctx) {
    const builder = ctx.builder();
    const contract = builder.contract;
    if (!contract) return fail(`${ctx.registration.stepName} has no script contract, so its channels cannot be matched to container paths`);
    const scenarios: Scenario[] = [
      { label: 'the required inputs mocked', inputs: ctx.mockInputs(), step: await ctx.step(), written: ctx.uploads().map((u) => u.s3Uri) },
    ];
    const probeProblems: string[] = [];
    if (builder.spec.listOptionalDependencies().length > 0) {
      const inputs = mockInputsFor(builder.spec, true);
      const probe = probeBuilder(ctx);
      try {
        const step = await probe.builder.createStep({ inputs });
        scenarios.push({ label: 'the optional inputs mocked too', inputs, step, written: probe.store.artifacts.map((a) => a.s3Uri) });
      } catch (error) {
        probeProblems.push(`could not create its step with the optional inputs mocked too (${Object.keys(inputs).join(', ')}): ${errorMessage(error)}`);
      }
    }
    const problems = [...probeProblems, ...scenarios.flatMap((s) => scenarioProblems(s, contract))];
    const summary = scenarios
      .map((s) => `${s.label}: ${trainingChannels(s.step).map((c) => `${String(c.name)} <- ${show(c.s3Uri)}`).join(', ')}`)
      .join('; ');
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `channels agree with the script contract (${summary})`,
      { contractInputs: contract.expectedInputPaths, scenarios: scenarios.map((s) => ({ label: s.label, inputs: s.inputs, channels: trainingChannels(s.step) })) },
    );
  },
});
