import { parsePropertyPath, PropertyPathSyntaxError } from '@stepscore/step-model';

export type PropertyValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** The member that names an item of a list SageMaker lets pipelines index by name, e.g. `Outputs['processed_data']`. */
const ITEM_NAME_MEMBERS = ['OutputName', 'InputName', 'ChannelName', 'MetricName', 'Name'] as const;

function itemNamed(items: readonly unknown[], key: string): unknown {
  return items.find((item) => {
    if (typeof item !== 'object' || item === null) return false;
    return ITEM_NAME_MEMBERS.some((member) => (item as Record<string, unknown>)[member] === key);
  });
}

/** Reads `path` (`ModelArtifacts.S3ModelArtifacts`, `Outputs['name'].S3Output.S3Uri`) from a Describe* response. */
export function valueAtPropertyPath(response: unknown, path: string): PropertyValue {
  let segments: ReturnType<typeof parsePropertyPath>;
  try {
    segments = parsePropertyPath(path);
  } catch (error) {
    if (error instanceof PropertyPathSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
  let node: unknown = response;
  let walked = '';
  for (const segment of segments) {
    const shown =
      segment.kind === 'member' ? (walked === '' ? segment.name : `.${segment.name}`) : segment.kind === 'index' ? `[${segment.index}]` : `['${segment.key}']`;
    const here = walked === '' ? 'the response' : walked;
    if (segment.kind === 'member') {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return { ok: false, reason: `${here} has no member '${segment.name}'` };
      node = (node as Record<string, unknown>)[segment.name];
    } else if (segment.kind === 'index') {
      if (!Array.isArray(node)) return { ok: false, reason: `${here} is not a list` };
      node = node[segment.index];
    } else if (Array.isArray(node)) {
      node = itemNamed(node, segment.key);
    } else if (typeof node === 'object' && node !== null) {
      node = (node as Record<string, unknown>)[segment.key];
    } else {
      return { ok: false, reason: `${here} is not a list or map` };
    }
    walked += shown;
    if (node === undefined || node === null) return { ok: false, reason: `the response has no value at ${walked}` };
  }
  return { ok: true, value: node };
}
