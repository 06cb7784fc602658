import { isPipelineExpression, numericValue, type PipelineExpression, type PythonFloat } from '@stepscore/sagemaker';
import { z } from 'zod';

/** The metadata key `orPipelineExpression` sets on a field's schema (zod's global registry). */
export const PIPELINE_EXPRESSION_META = 'pipelineExpression';

/** A pipeline expression: `{"Get": "Parameters.X"}`, `{"Get": "Execution.…"}`, `{"Get": "Steps.…"}`, `Std:Join`, `Std:JsonGet`. */
export const pipelineExpressionSchema = z.custom<PipelineExpression>(isPipelineExpression, {
  error: 'must be a pipeline expression such as {"Get": "Parameters.X"} or {"Std:Join": {"On": "/", "Values": [...]}}',
});

/**
 * `schema`, or a pipeline expression decided at run time. The result is marked so that
 * `pipelineExpressionFields` finds the field from the config schema alone.
 */
export function orPipelineExpression<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, pipelineExpressionSchema], {
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        if (issue.input === undefined) return `required field is missing (expected ${describeExpected(schema)})`;
        return `expected ${describeExpected(schema, true)} or a pipeline expression such as {"Get": "Parameters.X"}`;
      },
    })
    .meta({ [PIPELINE_EXPRESSION_META]: true });
}

function describeExpected(schema: z.ZodType, article = false): string {
  const def = (schema as { _zod?: { def?: { type?: string; entries?: Record<string, string> } } })._zod?.def;
  const type = def?.type;
  if (article && type === 'enum' && def?.entries) return `one of ${Object.values(def.entries).join(', ')}`;
  const name = type === 'unknown' || type === undefined ? 'value' : type === 'enum' ? 'string' : type;
  return article ? `a ${name}` : name;
}

/** Whether this schema (through defaults, optionals, pipes) is a field that `orPipelineExpression` made. */
export function isPipelineExpressionField(schema: z.ZodType): boolean {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 16; depth++) {
    if (z.globalRegistry.get(current)?.[PIPELINE_EXPRESSION_META] === true) return true;
    current = unwrapOnce(current);
  }
  return false;
}

function defOf(schema: z.ZodType): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def['innerType'] as z.ZodType;
    case 'pipe':
      return def['in'] as z.ZodType;
    case 'lazy':
      return (def['getter'] as () => z.ZodType)();
    default:
      return undefined;
  }
}

/**
 * Every field of a config schema that may be given as a pipeline expression, as dotted paths:
 * `training_instance_type`, `env.*` (any key of a record or any extra key of a loose object),
 * `input_channels.*.s3_uri`, `metric_definitions[].Regex` (any item of an array).
 */
export function pipelineExpressionFields(schema: z.ZodType): string[] {
  const found: string[] = [];
  collect(schema, '', found, 0);
  return found;
}

function join(prefix: string, key: string): string {
  if (key === '[]') return `${prefix}[]`;
  return prefix === '' ? key : `${prefix}.${key}`;
}

function collect(schema: z.ZodType, path: string, found: string[], depth: number): void {
  if (depth > 12) return;
  if (path !== '' && isPipelineExpressionField(schema)) {
    found.push(path);
    return;
  }
  let current: z.ZodType | undefined = schema;
  while (current) {
    const def = defOf(current);
    if (def.type === 'object') {
      const shape = def['shape'] as Record<string, z.ZodType>;
      for (const [key, field] of Object.entries(shape)) collect(field, join(path, key), found, depth + 1);
      const catchall = def['catchall'] as z.ZodType | undefined;
      if (catchall && isPipelineExpressionField(catchall)) found.push(join(path, '*'));
      return;
    }
    if (def.type === 'record') {
      collect(def['valueType'] as z.ZodType, join(path, '*'), found, depth + 1);
      return;
    }
    if (def.type === 'array') {
      collect(def['element'] as z.ZodType, join(path, '[]'), found, depth + 1);
      return;
    }
    if (def.type === 'union') {
      const before = found.length;
      for (const option of def['options'] as z.ZodType[]) collect(option, path, found, depth + 1);
      const added = [...new Set(found.splice(before))];
      found.push(...added);
      return;
    }
    current = unwrapOnce(current);
  }
}

/**
 * A number field that also takes a PythonFloat (a config file's `1.0`, kept a float so it encodes as `1.0`):
 * the value is checked as a number by `schema` and kept as given.
 */
export function pythonNumber(schema: z.ZodType<number>) {
  const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required field is missing (expected number)' : undefined) };
  return z
    .custom<number | PythonFloat>((value) => value !== undefined, required)
    .superRefine((value, ctx) => {
      // An expression is the enclosing rules' concern (a built-in algorithm takes one, a hyperparameters.json cannot).
      if (isPipelineExpression(value)) return;
      const result = schema.safeParse(numericValue(value));
      if (result.success) return;
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value });
    });
}
