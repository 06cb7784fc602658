// What the harness learns of a builder's config from its own zod schema: its top-level fields, their kinds and
// rules (as JSON Schema, input side), and whether the whole schema accepts a candidate config.

import { configSchemaInput } from '@stepscore/step-builder';
import { z } from 'zod';
import type { AcceptedParses } from './accepted-parses.js';

export interface ConfigField {
  readonly name: string;
  readonly required: boolean;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'unknown';
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly default?: unknown;
  /** An object whose values are strings and whose keys the user chooses (an environment, tags). */
  readonly stringRecord: boolean;
}

/** A node of a config schema shown as JSON Schema (input side): the members the scenarios read. */
export interface JsonSchemaNode {
  readonly type?: string | string[];
  readonly enum?: unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly default?: unknown;
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly required?: string[];
  readonly anyOf?: JsonSchemaNode[];
}

const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

function fieldType(node: JsonSchemaNode): ConfigField['type'] {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type !== undefined && TYPES.has(type)) return type as ConfigField['type'];
  if (node.enum?.every((v) => typeof v === 'string')) return 'string';
  const branch = node.anyOf?.find((b) => b.type !== 'null');
  return branch ? fieldType(branch) : 'unknown';
}

/**
 * A field that may also be a pipeline expression is `anyOf: [<its own rules>, <an expression object>]`: its own
 * rules are the branch that is not an object (the default stays with the field).
 */
function scalarBranch(node: JsonSchemaNode): JsonSchemaNode {
  const branches = node.anyOf?.filter((b) => b.type !== 'null') ?? [];
  const own = branches.find((b) => fieldType(b) !== 'object');
  if (!own || branches.length < 2) return node;
  return { ...own, ...(node.default !== undefined ? { default: node.default } : {}) };
}

const jsonBySchema = new WeakMap<z.ZodType, JsonSchemaNode>();

/** The config schema as JSON Schema (input side), converted once per schema; `{}` when zod cannot show it. */
export function configJsonSchema(schema: z.ZodType): JsonSchemaNode {
  let json = jsonBySchema.get(schema);
  if (!json) {
    try {
      json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    } catch {
      json = {};
    }
    jsonBySchema.set(schema, json);
  }
  return json;
}

const fieldsBySchema = new WeakMap<z.ZodType, ConfigField[]>();

/** The top-level fields of a config schema, read once per schema; [] when it is not an object schema. */
export function configFields(schema: z.ZodType): ConfigField[] {
  let fields = fieldsBySchema.get(schema);
  if (!fields) {
    fields = readConfigFields(configJsonSchema(schema));
    fieldsBySchema.set(schema, fields);
  }
  return fields;
}

function readConfigFields(json: JsonSchemaNode): ConfigField[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, field]) => {
    const node = scalarBranch(field);
    const extra = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    return {
      name,
      required: required.has(name) && node.default === undefined,
      type: fieldType(node),
      ...(node.enum ? { enum: node.enum } : {}),
      ...(node.minimum !== undefined ? { minimum: node.minimum } : {}),
      ...(node.exclusiveMinimum !== undefined ? { exclusiveMinimum: node.exclusiveMinimum } : {}),
      ...(node.maximum !== undefined ? { maximum: node.maximum } : {}),
      ...(node.minLength !== undefined ? { minLength: node.minLength } : {}),
      ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}),
      ...(node.pattern !== undefined ? { pattern: node.pattern } : {}),
      ...(node.default !== undefined ? { default: node.default } : {}),
      stringRecord: fieldType(node) === 'object' && node.properties === undefined && extra !== undefined && fieldType(extra) === 'string',
    };
  });
}

/**
 * Whether one field's own schema accepts a value: a necessary condition of the whole config accepting it, and far
 * cheaper to try many values with; rules across fields are left to `schemaAccepts`.
 */
export function fieldAccepts(schema: z.ZodType, raw: Readonly<Record<string, unknown>>, field: string, value: unknown): boolean {
  const own = fieldSchema(schema, field);
  if (!own) return schemaAccepts(schema, withField(raw, field, value));
  return fieldVerdict(own, value) === 'accepted';
}

/**
 * Whether the schema accepts the raw config with `field` set to `value`: the field's own schema is asked first,
 * since its refusal is the whole schema's (and far cheaper to learn), then the whole config, rules across fields
 * included.
 */
export function acceptsWithField(schema: z.ZodType, raw: Readonly<Record<string, unknown>>, field: string, value: unknown): boolean {
  return fieldAccepts(schema, raw, field, value) && schemaAccepts(schema, withField(raw, field, value));
}

/**
 * Whether the config's top-level field holding `path` (`hyperparameters` for `hyperparameters.eta`) is refused by
 * that field's own schema with an issue at `path` or inside it (not by throwing): an object schema runs each field's
 * schema on the field's value and puts the field's name before its issues' paths, so it then refuses the whole
 * config with that issue, whatever the other fields hold. The field's value is judged as parseConfig gives it to
 * the schema (a PythonFloat outside hyperparameters becomes a number).
 */
export function fieldRefuses(schema: z.ZodType, raw: Readonly<Record<string, unknown>>, path: string): boolean {
  const [top = '', ...members] = path.split('.');
  const own = fieldSchema(schema, top);
  if (own === undefined) return false;
  const value = raw[top];
  if (members.length === 0 && (typeof value !== 'object' || value === null)) return fieldVerdict(own, value) === 'refused';
  const input = (configSchemaInput({ [top]: value }).input as Record<string, unknown>)[top];
  // The same holds inside an object field: its member's own schema is asked first (`eta` of `hyperparameters`), and
  // the whole field only when the member takes the value (a rule over the field may still refuse it).
  if (memberRefuses(own, input, members)) return true;
  const result = acceptance(own, input);
  if (result.verdict !== 'refused') return false;
  return result.issues.some((issue) => {
    const at = [top, ...(issue.path ?? [])].map(String).join('.');
    return at === path || at.startsWith(`${path}.`);
  });
}

/** Whether the member `members` names inside `value`, found through object schemas' shapes, is refused by its own schema. */
function memberRefuses(schema: z.ZodType, value: unknown, members: readonly string[]): boolean {
  if (members.length === 0) return false;
  let own = schema;
  let at = value;
  for (const member of members) {
    const next = fieldSchema(own, member);
    // Not an object there: the object's schema refuses it under the object's own name, not the member's.
    if (next === undefined || typeof at !== 'object' || at === null || Array.isArray(at)) return false;
    own = next;
    at = (at as Readonly<Record<string, unknown>>)[member];
  }
  return fieldVerdict(own, at) === 'refused';
}

function fieldSchema(schema: z.ZodType, field: string): z.ZodType | undefined {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  return shape !== undefined && Object.hasOwn(shape, field) ? shape[field] : undefined;
}

type Verdict = Acceptance['verdict'];

function fieldVerdict(own: z.ZodType, value: unknown): Verdict {
  if (!isRememberedValue(value)) return acceptance(own, value).verdict;
  let verdicts = verdictsByFieldSchema.get(own);
  if (!verdicts) verdictsByFieldSchema.set(own, (verdicts = new Map()));
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = acceptance(own, value).verdict;
    verdicts.set(value, verdict);
  }
  return verdict;
}

// A field's own schema judges a scalar the same way every time, whichever config or builder asks: the candidate
// values (the longest names, the large numbers, the regions, the instance types) are the same for every builder,
// and builders share field schemas (every config's base fields, every builder of one config class).
const verdictsByFieldSchema = new WeakMap<z.ZodType, Map<string | number | boolean, Verdict>>();

function isRememberedValue(value: unknown): value is string | number | boolean {
  // -0 is left out: a Map does not tell it from 0.
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Object.is(value, -0));
}

/** Whether the schema accepts the raw config as a whole (cross-field rules included). */
export function schemaAccepts(schema: z.ZodType, raw: unknown): boolean {
  return wholeAcceptance(schema, raw).verdict === 'accepted';
}

/**
 * The top-level fields the schema's issues name when it refuses the raw config; undefined when it accepts it.
 * `unattributed` says some issue named no field (a rule over the whole config), or the schema threw.
 */
export function refusedFields(schema: z.ZodType, raw: unknown): { readonly fields: ReadonlySet<string>; readonly unattributed: boolean } | undefined {
  const result = wholeAcceptance(schema, raw);
  if (result.verdict === 'accepted') return undefined;
  if (result.verdict === 'threw') return { fields: new Set(), unattributed: true };
  const fields = new Set<string>();
  let unattributed = false;
  for (const issue of result.issues) {
    const first = issue.path?.[0];
    if (typeof first === 'string') fields.add(first);
    else unattributed = true;
  }
  return { fields, unattributed };
}

/**
 * The top-level fields the schema asks for when it refuses the raw config: an `invalid_type` issue on a field the config
 * does not have (a value missing where one is required, as zod gives for a required field and a rule may add).
 */
export function missingFieldsAskedFor(schema: z.ZodType, raw: unknown): ReadonlySet<string> {
  const result = wholeAcceptance(schema, raw);
  const fields = new Set<string>();
  if (result.verdict !== 'refused' || typeof raw !== 'object' || raw === null) return fields;
  for (const issue of result.issues) {
    const first = issue.path?.[0];
    if (typeof first === 'string' && issue.code === 'invalid_type' && !Object.hasOwn(raw, first)) fields.add(first);
  }
  return fields;
}

function wholeAcceptance(schema: z.ZodType, raw: unknown): Acceptance {
  if (recording === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return acceptance(schema, raw);
  // Given what parseConfig gives the schema, an accepted config's output is what parseConfig would make of it.
  const { input, plain } = configSchemaInput(raw);
  if (!plain) return acceptance(schema, raw);
  const result = acceptance(schema, input);
  if (result.verdict === 'accepted') recording.record(raw as Readonly<Record<string, unknown>>, result.output);
  return result;
}

let recording: AcceptedParses | undefined;

/**
 * Runs `derive` (synchronous) with every whole config `schemaAccepts` accepts recorded in `parses`, with the
 * schema's output for it.
 */
export function recordingAcceptedParses<T>(parses: AcceptedParses, derive: () => T): T {
  const outer = recording;
  recording = parses;
  try {
    return derive();
  } finally {
    recording = outer;
  }
}

interface Issue {
  readonly path?: readonly PropertyKey[];
  readonly code?: string;
}

interface ZodRun {
  readonly _zod?: {
    readonly run?: (payload: { value: unknown; issues: Issue[] }, ctx: { async: false }) => { value: unknown; issues: readonly Issue[] } | Promise<unknown>;
  };
}

type Acceptance = { verdict: 'accepted'; output: unknown } | { verdict: 'refused'; issues: readonly Issue[] } | { verdict: 'threw' };

/**
 * How the schema takes the value, run as safeParse runs it but without the ZodError a refusal builds (an Error with
 * its stack trace and a JSON dump of every issue, input included): its output (safeParse's `data`), or its issues.
 * `threw`: the schema threw, or is async (which safeParse refuses by throwing).
 */
function acceptance(schema: z.ZodType, value: unknown): Acceptance {
  try {
    const run = (schema as unknown as ZodRun)._zod?.run;
    if (typeof run !== 'function') {
      const result = schema.safeParse(value);
      return result.success ? { verdict: 'accepted', output: result.data } : { verdict: 'refused', issues: result.error.issues };
    }
    const result = run({ value, issues: [] }, { async: false });
    if (result instanceof Promise) {
      result.catch(() => undefined);
      return { verdict: 'threw' };
    }
    return result.issues.length === 0 ? { verdict: 'accepted', output: result.value } : { verdict: 'refused', issues: result.issues };
  } catch {
    return { verdict: 'threw' };
  }
}

// Shallow copies: schemas read a config and never change it, and scenarios share the values they did not change.
export function withField(raw: Readonly<Record<string, unknown>>, field: string, value: unknown): Record<string, unknown> {
  return { ...raw, [field]: value };
}

export function withoutField(raw: Readonly<Record<string, unknown>>, field: string): Record<string, unknown> {
  const copy = { ...raw };
  delete copy[field];
  return copy;
}
