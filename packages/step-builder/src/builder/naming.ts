export const MAX_JOB_NAME_LENGTH = 63;
export const MAX_STEP_NAME_LENGTH = 64;

/** SageMaker job names: alphanumerics and single hyphens, at most 63 characters. */
export function sanitizeNameForSageMaker(name: string, maxLength = MAX_JOB_NAME_LENGTH): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return cleaned.length > 0 ? cleaned : 'default-name';
}

/** `XGBoostTrainingStepBuilder` → `XGBoostTraining`. */
export function stepNameFromClassName(className: string): string {
  return className.replace(/StepBuilder$/, '').replace(/Builder$/, '');
}

/** Python's str.capitalize(): first letter upper, the rest lower. */
export function capitalize(word: string): string {
  return word.length === 0 ? word : word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

/** `PyTorchTraining` → `pytorch_training`: the default output folder of a builder. */
export function snakeCaseStepName(stepName: string): string {
  return stepName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/py_torch/g, 'pytorch')
    .replace(/xg_boost/g, 'xgboost');
}
