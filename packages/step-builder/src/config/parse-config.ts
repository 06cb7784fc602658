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
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigValidationError(configName, toConfigIssues(result.error), source);
  return { ...result.data, ...derivePipelineFields(result.data) };
}
