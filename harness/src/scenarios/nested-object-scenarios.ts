// An optional setting that is an object of alternatives (a distribution strategy with one member per strategy, a
// feature block) is left out of the default config, so the builder's code for each alternative is never run. One
// scenario per member of such an object: that member alone, filled in from its own JSON Schema (every switch on,
// every optional part given a probe value), when the whole schema accepts it.

import type { z } from 'zod';
import { acceptsWithField, configJsonSchema, type JsonSchemaNode } from './config-fields.js';
import type { ChangedSetting } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/** One scenario: `field` set to an object holding `member` alone. */
export interface NestedObjectScenario {
  readonly field: string;
  readonly member: string;
  readonly change: ChangedSetting;
}

/** How deep a member's value is filled in; real settings nest two or three levels. */
const MAX_DEPTH = 4;

function typeOf(node: JsonSchemaNode): string | undefined {
  if (Array.isArray(node.type)) return node.type.find((t) => t !== 'null');
  return node.type as string | undefined;
}

/**
 * A value the node's schema describes: switches on, numbers just above their minimum, strings a probe naming their
 * path (so that the request can be searched for it), every optional property given. Undefined when the node gives
 * nothing to build from (a free-form value).
 */
export function exampleValue(node: JsonSchemaNode, path: string, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (node.const !== undefined) return node.const;
  if (node.enum !== undefined && node.enum.length > 0) return node.enum[0];
  const branch = node.anyOf?.find((b) => typeOf(b) !== 'null');
  if (typeOf(node) === undefined && branch) return exampleValue(branch, path, depth);
  switch (typeOf(node)) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number': {
      const floor = node.minimum ?? (node.exclusiveMinimum !== undefined ? Math.floor(node.exclusiveMinimum) : 0);
      return Math.max(floor, 0) + 2;
    }
    case 'string':
      return `stepscore-probe-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        const v = exampleValue(child, `${path}-${name}`, depth + 1);
        if (v !== undefined) value[name] = v;
      }
      return value;
    }
    default:
      return undefined;
  }
}

/** An object with members of its own (not a map whose keys the user chooses), or such an object or nothing. */
export function objectWithMembers(node: JsonSchemaNode): JsonSchemaNode | undefined {
  if (typeOf(node) === 'object' && node.properties && Object.keys(node.properties).length > 0) return node;
  const branches = node.anyOf?.filter((b) => typeOf(b) !== 'null') ?? [];
  return branches.length === 1 ? objectWithMembers(branches[0] as JsonSchemaNode) : undefined;
}

/**
 * For each optional object setting the default config leaves out, one scenario per member the schema accepts alone
 * (filled in by `exampleValue`). Objects with a single member are one scenario.
 */
export function nestedObjectScenarios(schema: z.ZodType, raw: Raw): NestedObjectScenario[] {
  const json = configJsonSchema(schema);
  const scenarios: NestedObjectScenario[] = [];
  for (const [field, node] of Object.entries(json.properties ?? {})) {
    const object = objectWithMembers(node);
    if (object === undefined || json.required?.includes(field) || raw[field] !== undefined) continue;
    for (const [member, memberNode] of Object.entries(object.properties ?? {})) {
      const memberValue = exampleValue(memberNode, `${field}-${member}`, 1);
      if (memberValue === undefined) continue;
      const value = { [member]: memberValue };
      if (acceptsWithField(schema, raw, field, value)) scenarios.push({ field, member, change: { field, value, purpose: 'override' } });
    }
  }
  return scenarios;
}
