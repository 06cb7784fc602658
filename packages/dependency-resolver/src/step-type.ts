/** Job-type suffixes a provider's spec type may carry, e.g. `TabularPreprocessing_Training`. */
export const JOB_TYPE_SUFFIXES: readonly string[] = ['_Training', '_Testing', '_Validation', '_Calibration'];

/**
 * The step type to compare against a dependency's `compatibleSources`: the mapped value when
 * `canonicalTypes` knows the type (the reference asks its step registry), otherwise the type
 * without its first matching job-type suffix.
 */
export function normalizeStepType(stepType: string, canonicalTypes?: ReadonlyMap<string, string>): string {
  const mapped = canonicalTypes?.get(stepType);
  if (mapped !== undefined) return mapped;
  const suffix = JOB_TYPE_SUFFIXES.find((s) => stepType.endsWith(s));
  return suffix === undefined ? stepType : stepType.slice(0, -suffix.length);
}
