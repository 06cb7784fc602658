import { DEPENDENCY_TYPES, type DependencyType, isDependencyType } from './dependency-type.js';
import { describeValue, isPlainRecord } from './describe-value.js';
import { cleanStringList, logicalNameErrors } from './logical-name.js';
import { pythonListRepr } from './python-repr.js';

export interface DependencySpecInput {
  logicalName: string;
  dependencyType: DependencyType;
  required?: boolean;
  compatibleSources?: readonly string[];
  semanticKeywords?: readonly string[];
  dataType?: string;
  description?: string;
}

export interface DependencySpec {
  readonly logicalName: string;
  readonly dependencyType: DependencyType;
  readonly required: boolean;
  readonly compatibleSources: readonly string[];
  readonly semanticKeywords: readonly string[];
  readonly dataType: string;
  readonly description: string;
}

export function dependencySpecErrors(input: DependencySpecInput): string[] {
  if (!isPlainRecord(input)) return [`a dependency must be an object, got ${describeValue(input)}`];
  const errors = logicalNameErrors(input.logicalName, 'logical_name');
  if (!isDependencyType(input.dependencyType)) {
    errors.push(`dependency_type must be one of: ${pythonListRepr(DEPENDENCY_TYPES)} (got ${describeValue(input.dependencyType)})`);
  }
  if (input.required !== undefined && typeof input.required !== 'boolean') errors.push('required must be a boolean');
  for (const [field, value] of [
    ['compatible_sources', input.compatibleSources],
    ['semantic_keywords', input.semanticKeywords],
  ] as const) {
    if (value !== undefined && !(Array.isArray(value) && value.every((v: unknown) => typeof v === 'string'))) {
      errors.push(`${field} must be a list of strings, got ${describeValue(value)}`);
    }
  }
  return errors;
}

/** Applies the defaults and normalisation of the reference: stripped names, de-duplicated lists, lowercased keywords. */
export function normalizeDependencySpec(input: DependencySpecInput): DependencySpec {
  return {
    logicalName: input.logicalName.trim(),
    dependencyType: input.dependencyType,
    required: input.required ?? true,
    compatibleSources: cleanStringList(input.compatibleSources),
    semanticKeywords: cleanStringList(input.semanticKeywords, true),
    dataType: input.dataType ?? 'S3Uri',
    description: input.description ?? '',
  };
}
