// Reads the static Smithy schemas that @aws-sdk/client-sagemaker exports (`<Shape>$`,
// e.g. DescribeTrainingJobResponse$). Their encoding, from @smithy/types:
//   a number             simple type; bit 64 marks a list of it, bit 128 a map of string to it
//   [ref, traits]        a member: its target plus member traits
//   [0, ns, name, traits, ref]                 a named simple type
//   [1, ns, name, traits, member]              list
//   [2, ns, name, traits, key, value]          map
//   [3|-3|4, ns, name, traits, names[], refs[]] structure, error, union
//   () => schema         a lazy reference

import { sagemakerSdk } from './sagemaker-sdk.js';

export type ScalarType = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document' | 'bigInteger' | 'bigDecimal' | 'unit' | 'unknown';

export type SchemaNode =
  | { readonly kind: 'structure' | 'union'; readonly name: string; readonly members: ReadonlyMap<string, unknown> }
  | { readonly kind: 'list'; readonly name: string | undefined; readonly member: unknown }
  | { readonly kind: 'map'; readonly name: string | undefined; readonly value: unknown }
  | { readonly kind: 'scalar'; readonly name: string | undefined; readonly type: ScalarType }
  | { readonly kind: 'operation'; readonly name: string };

const LIST_BIT = 0b0100_0000;
const MAP_BIT = 0b1000_0000;

const SIMPLE_TYPES: ReadonlyMap<number, ScalarType> = new Map([
  [0, 'string'],
  [1, 'number'],
  [2, 'boolean'],
  [4, 'timestamp'],
  [5, 'timestamp'],
  [6, 'timestamp'],
  [7, 'timestamp'],
  [15, 'document'],
  [17, 'bigInteger'],
  [19, 'bigDecimal'],
  [21, 'blob'],
  [42, 'blob'],
]);

/** Follows lazy references and member wrappers down to the schema a reference stands for. */
export function schemaNode(ref: unknown): SchemaNode {
  let target = ref;
  while (typeof target === 'function' || (Array.isArray(target) && target.length === 2)) {
    target = typeof target === 'function' ? (target as () => unknown)() : (target as readonly unknown[])[0];
  }
  if (typeof target === 'number') return sentinelNode(target);
  if (target === 'unit') return { kind: 'scalar', name: undefined, type: 'unit' };
  if (!isStaticSchema(target)) throw new Error(`Not a Smithy schema: ${JSON.stringify(target)}`);
  const [id, , name] = target;
  switch (id) {
    case 0: {
      const inner = schemaNode(target[4]);
      return inner.kind === 'scalar' ? { ...inner, name } : inner;
    }
    case 1:
      return { kind: 'list', name, member: target[4] };
    case 2:
      return { kind: 'map', name, value: target[5] };
    case 3:
    case -3:
    case 4: {
      const names = target[4] as readonly string[];
      const refs = target[5] as readonly unknown[];
      return { kind: id === 4 ? 'union' : 'structure', name, members: new Map(names.map((member, i) => [member, refs[i]])) };
    }
    case 9:
      return { kind: 'operation', name };
    default:
      throw new Error(`Unknown Smithy schema kind ${String(id)} for ${name}`);
  }
}

/** The schema of a named shape, whether the package exports it (`<Name>$`) or only reaches it. */
export function namedSchema(name: string): unknown {
  return exportedSchemas()[`${name}$`] ?? schemasByName().get(name);
}

export function knownShapeNames(): string[] {
  return [...schemasByName().keys()];
}

function sentinelNode(sentinel: number): SchemaNode {
  if (sentinel & MAP_BIT) return { kind: 'map', name: undefined, value: sentinel & ~MAP_BIT };
  if (sentinel & LIST_BIT) return { kind: 'list', name: undefined, member: sentinel & ~LIST_BIT };
  return { kind: 'scalar', name: undefined, type: SIMPLE_TYPES.get(sentinel) ?? 'unknown' };
}

type StaticSchema = readonly [number, string, string, unknown, ...unknown[]];

function isStaticSchema(value: unknown): value is StaticSchema {
  return Array.isArray(value) && value.length >= 5 && typeof value[0] === 'number' && typeof value[2] === 'string';
}

function exportedSchemas(): Readonly<Record<string, unknown>> {
  return sagemakerSdk() as unknown as Readonly<Record<string, unknown>>;
}

let byName: Map<string, unknown> | undefined;

// Lists, maps and named simple types are not exported; they are found by walking out from
// the exported structures once.
function schemasByName(): Map<string, unknown> {
  if (byName !== undefined) return byName;
  const found = new Map<string, unknown>();
  const pending: unknown[] = Object.values(exportedSchemas()).filter(isStaticSchema);
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const node = schemaNode(ref);
    if (node.kind === 'scalar' || node.name === undefined || found.has(node.name)) continue;
    found.set(node.name, ref);
    if (node.kind === 'structure' || node.kind === 'union') pending.push(...node.members.values());
    else if (node.kind === 'list') pending.push(node.member);
    else if (node.kind === 'map') pending.push(node.value);
  }
  byName = found;
  return found;
}
