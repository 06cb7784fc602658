export interface ValidationResult {
  readonly isValid: boolean;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export function validationResult(errors: readonly string[], warnings: readonly string[] = []): ValidationResult {
  return { isValid: errors.length === 0, errors: [...errors], warnings: [...warnings] };
}
