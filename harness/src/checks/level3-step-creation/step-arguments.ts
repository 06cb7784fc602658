import { isPipelineExpression } from '@stepscore/sagemaker';
import type { PipelineStepDefinition } from '@stepscore/step-builder';

/** SageMaker mounts channel `<name>` of a training job at `<CHANNEL_MOUNT_ROOT>/<name>`. */
export const CHANNEL_MOUNT_ROOT = '/opt/ml/input/data';

export interface ChannelView {
  readonly index: number;
  readonly name: unknown;
  /** `DataSource.S3DataSource.S3Uri`: a string or a pipeline expression; undefined when the channel has none. */
  readonly s3Uri: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted member path of the step's Arguments, or undefined. */
export function argumentAt(step: PipelineStepDefinition, path: string): unknown {
  let value: unknown = step.Arguments;
  for (const member of path.split('.')) {
    if (!isRecord(value)) return undefined;
    value = value[member];
  }
  return value;
}

export function trainingChannels(step: PipelineStepDefinition): ChannelView[] {
  const config = step.Arguments['InputDataConfig'];
  if (!Array.isArray(config)) return [];
  return config.map((channel: unknown, index) => {
    const record = isRecord(channel) ? channel : {};
    const source = isRecord(record['DataSource']) ? record['DataSource'] : {};
    const s3 = isRecord(source['S3DataSource']) ? source['S3DataSource'] : {};
    return { index, name: record['ChannelName'], s3Uri: s3['S3Uri'] };
  });
}

export function channelLabel(channel: ChannelView): string {
  return typeof channel.name === 'string' ? `'${channel.name}'` : `InputDataConfig[${channel.index}] (no ChannelName)`;
}

export interface FoundGet {
  /** Where in the Arguments, e.g. `InputDataConfig[0].DataSource.S3DataSource.S3Uri`. */
  readonly path: string;
  readonly get: string;
}

/** Every `{"Get": ...}` in a value, including those inside `Std:Join` and other expressions. */
export function findGetExpressions(value: unknown, path = ''): FoundGet[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findGetExpressions(item, `${path}[${i}]`));
  if (!isRecord(value)) return [];
  if (typeof value['Get'] === 'string' && Object.keys(value).length === 1) return [{ path, get: value['Get'] }];
  return Object.entries(value).flatMap(([key, item]) => findGetExpressions(item, path === '' ? key : `${path}.${key}`));
}

/** A short rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export { isPipelineExpression };
