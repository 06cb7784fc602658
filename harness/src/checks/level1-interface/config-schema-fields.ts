import { basePipelineConfigShape } from '@stepscore/step-builder';
import { z } from 'zod';

/** The object shape of a config schema, looking through pipes (preprocess, transform) to the object inside. */
export function objectShapeOf(schema: unknown): Readonly<Record<string, z.ZodType>> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return objectShapeOf(schema.in) ?? objectShapeOf(schema.out);
  return undefined;
}

const required = new WeakMap<z.ZodType, boolean>();

/** A field is required when its schema refuses absence: neither optional nor defaulted. Schemas are immutable: asked once each. */
export function isRequired(field: z.ZodType): boolean {
  let answer = required.get(field);
  if (answer === undefined) required.set(field, (answer = !field.safeParse(undefined).success));
  return answer;
}

/** The base pipeline fields every builder's config must require, whatever its own schema says. */
export function baseRequiredFields(): string[] {
  return Object.entries(basePipelineConfigShape as Record<string, z.ZodType>)
    .filter(([, field]) => isRequired(field))
    .map(([name]) => name);
}

/**
 * Dotted paths of the required fields: the top level's, and those of required nested objects
 * (such as `hyperparameters.num_round`) when the raw config holds that object.
 */
export function requiredFieldPaths(schema: unknown, raw: unknown, prefix = ''): string[] {
  const shape = objectShapeOf(schema);
  if (!shape) return [];
  const paths: string[] = [];
  for (const [name, field] of Object.entries(shape)) {
    if (!isRequired(field)) continue;
    const path = `${prefix}${name}`;
    paths.push(path);
    const nested = (raw as Record<string, unknown> | undefined)?.[name];
    if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) paths.push(...requiredFieldPaths(field, nested, `${path}.`));
  }
  return paths;
}
