import { PythonFloat } from '@stepscore/sagemaker';
import { z } from 'zod';
import { type BasePipelineConfigFields, type DerivedPipelineFields, derivePipelineFields } from './base-pipeline-config.js';
import { type ConfigIssue, ConfigValidationError, toConfigIssues } from './config-validation-error.js';

/** A config parsed, or the issues that refused it. */
export type ConfigParse<C> = { readonly ok: true; readonly config: C } | { readonly ok: false; readonly issues: ConfigIssue[] };

/**
 * Validates raw config data and adds the derived fields.
 * @throws ConfigValidationError naming every bad field.
 */
export function parseConfig<S extends z.ZodType<BasePipelineConfigFields>>(
  schema: S,
  raw: unknown,
  configName: string,
  source?: string,
): z.output<S> & DerivedPipelineFields {
  const result = tryParseConfig(schema, raw);
  if (!result.ok) throw new ConfigValidationError(configName, result.issues, source);
  return result.config;
}

/**
 * `parseConfig` whose refusal is returned, not thrown: a caller that refuses many configs on purpose builds no
 * Error (and its stack trace) for each. A schema that itself throws still throws.
 */
export function tryParseConfig<S extends z.ZodType<BasePipelineConfigFields>>(schema: S, raw: unknown): ConfigParse<z.output<S> & DerivedPipelineFields> {
  const result = safeParseIssues(schema, configSchemaInput(raw).input, { reportInput: true });
  if (!result.success) return { ok: false, issues: toConfigIssues(result.error) };
  return { ok: true, config: completeConfig(result.data) };
}

/**
 * What `parseConfig` gives the schema for raw config data: a copy, with plain numbers for PythonFloats outside
 * hyperparameters. `plain` says the copy holds the same values as `raw` (no PythonFloat was replaced).
 */
export function configSchemaInput(raw: unknown): { readonly input: unknown; readonly plain: boolean } {
  let plain = true;
  const input = plainNumbersOutsideHyperparameters(raw, () => {
    plain = false;
  });
  return { input, plain };
}

/** The config `parseConfig` returns for the schema's output: that output with the derived fields added. */
export function completeConfig<T extends BasePipelineConfigFields>(data: T): T & DerivedPipelineFields {
  return { ...data, ...derivePipelineFields(data) };
}

/** What a refused parse leaves: its issues, as a ZodError holds them. */
class ParseIssues {
  constructor(readonly issues: z.core.$ZodIssue[]) {}
}

/**
 * `schema.safeParse(value, context)`, whose refusal carries the same issues as a ZodError's but is no Error: a
 * ZodError captures a stack trace and writes every issue (input included) into its message as JSON, which made
 * up much of the cost of refusing a config, and nothing reads either.
 */
export function safeParseIssues<S extends z.ZodType>(
  schema: S,
  value: unknown,
  context?: z.core.ParseContext<z.core.$ZodIssue>,
): { success: true; data: z.output<S> } | { success: false; error: { readonly issues: z.core.$ZodIssue[] } } {
  return safeParseKeepingIssues(schema, value, context) as ReturnType<typeof safeParseIssues<S>>;
}

const safeParseKeepingIssues = z.core._safeParse(ParseIssues as unknown as z.core.$ZodErrorClass);

/**
 * Only hyperparameters are encoded as Python values, so only they keep a config file's float form (PythonFloat);
 * every other setting gets the plain number its schema expects.
 */
function plainNumbersOutsideHyperparameters(raw: unknown, replaced: () => void): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return copyOf(raw as Record<string, unknown>, (key, value) => (key === 'hyperparameters' ? value : plainNumbers(value, replaced)));
}

function plainNumbers(value: unknown, replaced: () => void): unknown {
  if (value instanceof PythonFloat) {
    replaced();
    return value.value;
  }
  if (Array.isArray(value)) return value.map((item) => plainNumbers(item, replaced));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return copyOf(value as Record<string, unknown>, (_key, item) => plainNumbers(item, replaced));
  }
  return value;
}

/**
 * `Object.fromEntries(Object.entries(object).map(...))` without the lists of pairs: every config parse copies the
 * config. A key `__proto__` is defined as an own property, as `Object.fromEntries` does, not assigned.
 */
function copyOf(object: Record<string, unknown>, map: (key: string, value: unknown) => unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const value = map(key, object[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
  }
  return copy;
}
