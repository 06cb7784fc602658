import { type ValidationResult, validationResult } from './validation-result.js';

/** What a training script reads and writes inside the container: the single source of truth. */
export interface TrainingScriptContract {
  readonly entryPoint: string;
  readonly expectedInputPaths: Readonly<Record<string, string>>;
  readonly expectedOutputPaths: Readonly<Record<string, string>>;
  readonly expectedArguments?: Readonly<Record<string, string>>;
  readonly requiredEnvVars?: readonly string[];
  readonly optionalEnvVars?: Readonly<Record<string, string>>;
  readonly frameworkRequirements?: Readonly<Record<string, string>>;
  readonly description?: string;
}

export const TRAINING_INPUT_PREFIXES = ['/opt/ml/input/data', '/opt/ml/input/config'] as const;
export const TRAINING_OUTPUT_PREFIXES = ['/opt/ml/model', '/opt/ml/output/data', '/opt/ml/checkpoints'] as const;

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ARGUMENT_NAME = /^[a-z0-9-]+$/;

/** `/opt/ml/model` and `/opt/ml/model/x` are under `/opt/ml/model`; `/opt/ml/modelx` is not. */
export function isUnderContainerPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function validateTrainingScriptContract(contract: TrainingScriptContract): ValidationResult {
  const errors: string[] = [];
  if (typeof contract.entryPoint !== 'string' || !/^[^/].*\.py$/.test(contract.entryPoint)) {
    errors.push(`Entry point must be a Python file (.py), got: ${JSON.stringify(contract.entryPoint)}`);
  }
  for (const [name, path] of Object.entries(contract.expectedInputPaths ?? {})) {
    if (!TRAINING_INPUT_PREFIXES.some((p) => isUnderContainerPath(path, p))) {
      errors.push(`Input path for '${name}' must start with ${TRAINING_INPUT_PREFIXES.join(' or ')}, got: ${path}`);
    }
  }
  for (const [name, path] of Object.entries(contract.expectedOutputPaths ?? {})) {
    if (!TRAINING_OUTPUT_PREFIXES.some((p) => isUnderContainerPath(path, p))) {
      errors.push(`Output path for '${name}' must start with ${TRAINING_OUTPUT_PREFIXES.join(', ')}, got: ${path}`);
    }
  }
  for (const name of [...(contract.requiredEnvVars ?? []), ...Object.keys(contract.optionalEnvVars ?? {})]) {
    if (!ENV_VAR_NAME.test(name)) errors.push(`Environment variable name '${name}' must match [a-zA-Z_][a-zA-Z0-9_]*`);
  }
  for (const name of Object.keys(contract.expectedArguments ?? {})) {
    if (!ARGUMENT_NAME.test(name)) {
      errors.push(`Argument name '${name}' must be lowercase letters, digits and hyphens`);
    }
  }
  return validationResult(errors);
}
