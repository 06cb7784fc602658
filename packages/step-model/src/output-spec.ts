import { DEPENDENCY_TYPES, type DependencyType, isDependencyType } from './dependency-type.js';
import { describeValue, isPlainRecord, nameLabel } from './describe-value.js';
import { cleanStringList, logicalNameErrors } from './logical-name.js';
import { pythonListRepr } from './python-repr.js';

export interface OutputSpecInput {
  logicalName: string;
  outputType: DependencyType;
  propertyPath: string;
  aliases?: readonly string[];
  dataType?: string;
  description?: string;
}

export interface OutputSpec {
  readonly logicalName: string;
  readonly outputType: DependencyType;
  readonly propertyPath: string;
  readonly aliases: readonly string[];
  readonly dataType: string;
  readonly description: string;
}

export const PROPERTY_PATH_PREFIX = 'properties.';

export function outputSpecErrors(input: OutputSpecInput): string[] {
  if (!isPlainRecord(input)) return [`an output must be an object, got ${describeValue(input)}`];
  const errors = logicalNameErrors(input.logicalName, 'logical_name');
  if (!isDependencyType(input.outputType)) {
    errors.push(`output_type must be one of: ${pythonListRepr(DEPENDENCY_TYPES)} (got ${describeValue(input.outputType)})`);
  }
  if (typeof input.propertyPath !== 'string' || input.propertyPath.trim().length === 0) {
    errors.push('property_path must not be empty');
  } else if (!input.propertyPath.startsWith(PROPERTY_PATH_PREFIX) || input.propertyPath.length === PROPERTY_PATH_PREFIX.length) {
    errors.push(`property_path should start with 'properties.' (got ${JSON.stringify(input.propertyPath)})`);
  }
  const name = typeof input.logicalName === 'string' ? input.logicalName.trim().toLowerCase() : '';
  if (input.aliases !== undefined && !Array.isArray(input.aliases)) {
    errors.push(`aliases must be a list of names, got ${describeValue(input.aliases)}`);
  }
  for (const alias of Array.isArray(input.aliases) ? (input.aliases as readonly unknown[]) : []) {
    errors.push(...logicalNameErrors(alias, `alias ${describeValue(alias)}`));
    if (typeof alias === 'string' && alias.trim().toLowerCase() === name) {
      errors.push(`alias ${JSON.stringify(alias)} must not repeat the logical name '${nameLabel(input.logicalName)}'`);
    }
  }
  return errors;
}

/** Aliases are de-duplicated case-insensitively, keeping the first spelling. */
export function normalizeOutputSpec(input: OutputSpecInput): OutputSpec {
  const aliases: string[] = [];
  for (const alias of cleanStringList(input.aliases)) {
    if (!aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) aliases.push(alias);
  }
  return {
    logicalName: input.logicalName.trim(),
    outputType: input.outputType,
    propertyPath: input.propertyPath,
    aliases,
    dataType: input.dataType ?? 'S3Uri',
    description: input.description ?? '',
  };
}

export function outputMatchesNameOrAlias(output: OutputSpec, name: string): boolean {
  return output.logicalName === name || output.aliases.includes(name);
}
