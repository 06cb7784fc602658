import { PythonFloat } from '@stepscore/sagemaker';
import { z } from 'zod';
import { type BasePipelineConfigFields, type DerivedPipelineFields, derivePipelineFields } from './base-pipeline-config.js';
import { ConfigValidationError, toConfigIssues } from './config-validation-error.js';

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
  const result = safeParseIssues(schema, plainNumbersOutsideHyperparameters(raw), { reportInput: true });
  if (!result.success) throw new ConfigValidationError(configName, toConfigIssues(result.error), source);
  return { ...result.data, ...derivePipelineFields(result.data) };
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
function plainNumbersOutsideHyperparameters(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, key === 'hyperparameters' ? value : plainNumbers(value)]));
}

function plainNumbers(value: unknown): unknown {
  if (value instanceof PythonFloat) return value.value;
  if (Array.isArray(value)) return value.map(plainNumbers);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainNumbers(v)]));
  }
  return value;
}
