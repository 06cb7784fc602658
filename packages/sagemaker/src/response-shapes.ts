// Checks a step property path (`properties.ModelArtifacts.S3ModelArtifacts`) against the
// real response shape, walking the runtime schemas @aws-sdk/client-sagemaker ships.

import { memberPath, parsePropertyPath, type PathSegment } from './property-path.js';
import { knownShapeNames, namedSchema, schemaNode, type SchemaNode } from './sdk-schemas.js';
import { editDistance, nearestNames, rankBySimilarity } from './similar-names.js';

export type PropertyPathResolution =
  | { readonly ok: true; readonly leafType: string; readonly shapeName?: string }
  | { readonly ok: false; readonly failedAt: string; readonly reason: string; readonly nearest: string[] };

type Miss = Extract<PropertyPathResolution, { ok: false }>;

const PROPERTIES_PREFIX = 'properties.';

/**
 * Follows `path` from `rootShape`. A hit gives the type where it ends: a scalar type
 * ('string', 'number', 'boolean', 'timestamp', ...) or 'structure', 'list', 'map'.
 */
export function resolvePropertyPath(path: string, rootShape = 'DescribeTrainingJobResponse'): PropertyPathResolution {
  const root = namedSchema(rootShape);
  if (root === undefined) {
    return miss(rootShape, `there is no shape '${rootShape}' in @aws-sdk/client-sagemaker`, nearestNames(rootShape, knownShapeNames()));
  }
  const parsed = parsePropertyPath(path.startsWith(PROPERTIES_PREFIX) ? path.slice(PROPERTIES_PREFIX.length) : path);
  if (!parsed.ok) return miss(parsed.at, parsed.reason, []);
  let node = schemaNode(root);
  let walked = '';
  for (const [i, segment] of parsed.segments.entries()) {
    const next = step(node, segment, walked === '' ? rootShape : walked, parsed.segments[i + 1]);
    if ('ok' in next) return next;
    node = next;
    walked = segment.kind === 'member' ? memberPath(walked, segment.name) : `${walked}${segment.text}`;
  }
  return leaf(node);
}

/** Member names of a structure (or union) shape of the SDK, e.g. 'DescribeTrainingJobResponse'. */
export function listResponseMembers(shape: string): string[] {
  const schema = namedSchema(shape);
  if (schema === undefined) {
    throw new Error(`There is no shape '${shape}' in @aws-sdk/client-sagemaker; closest: ${nearestNames(shape, knownShapeNames()).join(', ')}`);
  }
  const node = schemaNode(schema);
  if (node.kind !== 'structure' && node.kind !== 'union') throw new Error(`Shape '${shape}' is a ${describeNode(node)}, which has no members`);
  return [...node.members.keys()];
}

function step(node: SchemaNode, segment: PathSegment, walked: string, following: PathSegment | undefined): SchemaNode | Miss {
  if (segment.kind === 'member') {
    switch (node.kind) {
      case 'structure':
      case 'union': {
        const member = node.members.get(segment.name);
        if (member !== undefined) return schemaNode(member);
        return miss(segment.text, `'${segment.name}' is not a member of ${node.name}`, suggestMembers(node.members, segment.name, following));
      }
      case 'list':
        return miss(
          segment.text,
          `${walked} is a ${describeNode(node)}; pick an item with [0] or ['name'] before naming '${segment.name}'`,
          nearestNames(segment.name, memberNames(schemaNode(node.member))),
        );
      case 'map':
        return miss(
          segment.text,
          `${walked} is a ${describeNode(node)}; pick an entry with ['key'] before naming '${segment.name}'`,
          nearestNames(segment.name, memberNames(schemaNode(node.value))),
        );
      default:
        return miss(segment.text, `${walked} is a ${describeNode(node)} and has no members`, []);
    }
  }
  switch (node.kind) {
    case 'list':
      return schemaNode(node.member);
    case 'map':
      if (segment.kind === 'key') return schemaNode(node.value);
      return miss(segment.text, `${walked} is a ${describeNode(node)}; index it with a quoted key such as ['name'], not a number`, []);
    case 'structure':
    case 'union':
      return miss(
        segment.text,
        `${walked} is a ${describeNode(node)}, not a list or map, so it cannot be indexed with ${segment.text}; name one of its members`,
        nearestNames(segment.kind === 'key' ? segment.key : '', node.members.keys()),
      );
    default:
      return miss(segment.text, `${walked} is a ${describeNode(node)}, which cannot be indexed`, []);
  }
}

const SUGGESTIONS = 3;

// A path that misnames one level usually names the next one right
// (`TrainingJobOutput.S3Output`), so members with a child like the next segment come first.
function suggestMembers(members: ReadonlyMap<string, unknown>, name: string, following: PathSegment | undefined): string[] {
  const ranked = rankBySimilarity(name, members.keys());
  if (following?.kind !== 'member') return ranked.slice(0, SUGGESTIONS);
  const wanted = following.name.toLowerCase();
  const leadsToWanted = (member: string): boolean =>
    memberNames(itemNode(schemaNode(members.get(member)))).some((child) => {
      const lower = child.toLowerCase();
      return lower.startsWith(wanted) || wanted.startsWith(lower) || editDistance(lower, wanted) <= 2;
    });
  return [...ranked.filter(leadsToWanted), ...ranked.filter((member) => !leadsToWanted(member))].slice(0, SUGGESTIONS);
}

/** What a step past this node would land on: the item of a list or map, or the node itself. */
function itemNode(node: SchemaNode): SchemaNode {
  if (node.kind === 'list') return itemNode(schemaNode(node.member));
  if (node.kind === 'map') return itemNode(schemaNode(node.value));
  return node;
}

function leaf(node: SchemaNode): PropertyPathResolution {
  const leafType = node.kind === 'scalar' ? node.type : node.kind;
  return node.name === undefined ? { ok: true, leafType } : { ok: true, leafType, shapeName: node.name };
}

function memberNames(node: SchemaNode): string[] {
  return node.kind === 'structure' || node.kind === 'union' ? [...node.members.keys()] : [];
}

function describeNode(node: SchemaNode): string {
  const kind = node.kind === 'scalar' ? node.type : node.kind;
  return node.name === undefined ? kind : `${kind} (${node.name})`;
}

function miss(failedAt: string, reason: string, nearest: string[]): Miss {
  return { ok: false, failedAt, reason, nearest };
}
