// Picks the shapes reachable from some roots out of a botocore service model and keeps
// only what validation needs.

import type { ShapeConstraints, ShapeType } from '../src/constraint-model.js';

interface BotocoreMemberRef {
  readonly shape: string;
}

interface BotocoreShape {
  readonly type: string;
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, BotocoreMemberRef>>;
  readonly union?: boolean;
  readonly member?: BotocoreMemberRef;
  readonly key?: BotocoreMemberRef;
  readonly value?: BotocoreMemberRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface BotocoreServiceModel {
  readonly shapes: Readonly<Record<string, BotocoreShape>>;
}

const SHAPE_TYPES: ReadonlySet<string> = new Set<ShapeType>([
  'structure',
  'list',
  'map',
  'string',
  'integer',
  'long',
  'float',
  'double',
  'boolean',
  'timestamp',
  'blob',
]);

/** The roots and every shape reachable from them, sorted by name. */
export function extractConstraintShapes(model: BotocoreServiceModel, roots: readonly string[]): Record<string, ShapeConstraints> {
  const picked = new Map<string, ShapeConstraints>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (picked.has(name)) continue;
    const shape = model.shapes[name];
    if (shape === undefined) throw new Error(`Shape '${name}' is referenced but not defined in the service model`);
    const constraints = compactShape(name, shape);
    picked.set(name, constraints);
    pending.push(...referencedShapes(constraints));
  }
  return Object.fromEntries([...picked.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function compactShape(name: string, shape: BotocoreShape): ShapeConstraints {
  if (!SHAPE_TYPES.has(shape.type)) throw new Error(`Shape '${name}' has unsupported type '${shape.type}'`);
  return {
    type: shape.type as ShapeType,
    ...((shape.required !== undefined || shape.type === 'structure') && { required: [...(shape.required ?? [])] }),
    ...(shape.members !== undefined && {
      members: Object.fromEntries(Object.entries(shape.members).map(([member, ref]) => [member, ref.shape])),
    }),
    ...(shape.union === true && { union: true }),
    ...(shape.member !== undefined && { member: shape.member.shape }),
    ...(shape.key !== undefined && { key: shape.key.shape }),
    ...(shape.value !== undefined && { value: shape.value.shape }),
    ...(shape.min !== undefined && { min: shape.min }),
    ...(shape.max !== undefined && { max: shape.max }),
    ...(shape.pattern !== undefined && { pattern: shape.pattern }),
    ...(shape.enum !== undefined && { enum: [...shape.enum] }),
  };
}

function referencedShapes(shape: ShapeConstraints): string[] {
  const names = Object.values(shape.members ?? {});
  for (const ref of [shape.member, shape.key, shape.value]) if (ref !== undefined) names.push(ref);
  return names;
}
