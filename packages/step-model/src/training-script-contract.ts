import { type ContainerPathRules, STEP_TYPES } from '@stepscore/sagemaker';
import { describeValue, isPlainRecord } from './describe-value.js';
import { type ValidationResult, validationResult } from './validation-result.js';

/** What a training script reads and writes inside the container: the single source of truth. */
export interface TrainingScriptContract {
  readonly entryPoint: string;
  readonly expectedInputPaths: Readonly<Record<string, string>>;
  readonly expectedOutputPaths: Readonly<Record<string, string>>;
  /** `--name value` command-line arguments (names as the script's argparse spells them) and their defaults. */
  readonly expectedArguments?: Readonly<Record<string, string>>;
  readonly requiredEnvVars?: readonly string[];
  readonly optionalEnvVars?: Readonly<Record<string, string>>;
  readonly frameworkRequirements?: Readonly<Record<string, string>>;
  readonly description?: string;
}

export const TRAINING_INPUT_PREFIXES = trainingPaths().inputs;
export const TRAINING_OUTPUT_PREFIXES = trainingPaths().outputs;

function trainingPaths(): ContainerPathRules {
  const paths = STEP_TYPES.Training.containerPaths;
  if (!paths) throw new Error('The step-type vocabulary gives Training no container paths');
  return paths;
}

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `/opt/ml/model` and `/opt/ml/model/x` are under `/opt/ml/model`; `/opt/ml/modelx` is not. */
export function isUnderContainerPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** How one step type's contracts are judged: where paths may go, and what an argument name may look like. */
export interface ContractRules {
  /** An error for an input path, or undefined when it is legal. */
  readonly inputPathError: (name: string, path: string) => string | undefined;
  readonly outputPathError: (name: string, path: string) => string | undefined;
  readonly argumentName: RegExp;
  readonly argumentNameRule: string;
}

export const TRAINING_CONTRACT_RULES: ContractRules = {
  inputPathError: (name, path) =>
    TRAINING_INPUT_PREFIXES.some((p) => isUnderContainerPath(path, p))
      ? undefined
      : `Input path for '${name}' must start with ${TRAINING_INPUT_PREFIXES.join(' or ')}, got: ${path}`,
  outputPathError: (name, path) =>
    TRAINING_OUTPUT_PREFIXES.some((p) => isUnderContainerPath(path, p))
      ? undefined
      : `Output path for '${name}' must start with ${TRAINING_OUTPUT_PREFIXES.join(', ')}, got: ${path}`,
  argumentName: /^[a-z0-9-]+$/,
  argumentNameRule: 'lowercase letters, digits and hyphens',
};

/** Accepts anything (a registration's contract may be missing) and reports what is wrong with it. */
export function validateTrainingScriptContract(contract: TrainingScriptContract | undefined): ValidationResult {
  return validateContractWith(contract, TRAINING_CONTRACT_RULES);
}

/** The checks every kind of script contract shares; where paths may go comes from the step type's rules. */
export function validateContractWith(contract: TrainingScriptContract | undefined, rules: ContractRules): ValidationResult {
  if (!isPlainRecord(contract)) return validationResult([`A script contract must be an object, got ${describeValue(contract)}`]);
  const errors: string[] = [];
  if (typeof contract.entryPoint !== 'string' || !/^[^/].*\.py$/.test(contract.entryPoint)) {
    errors.push(`Entry point must be a Python file (.py), got: ${describeValue(contract.entryPoint)}`);
  }
  const inputPaths = mapEntries(contract.expectedInputPaths, 'expectedInputPaths', 'logical names to container paths', errors);
  for (const [name, path] of inputPaths) {
    if (typeof path !== 'string') errors.push(`Input path for '${name}' must be a string, got: ${describeValue(path)}`);
    else {
      const error = rules.inputPathError(name, path);
      if (error) errors.push(error);
    }
  }
  const outputPaths = mapEntries(contract.expectedOutputPaths, 'expectedOutputPaths', 'logical names to container paths', errors);
  for (const [name, path] of outputPaths) {
    if (typeof path !== 'string') errors.push(`Output path for '${name}' must be a string, got: ${describeValue(path)}`);
    else {
      const error = rules.outputPathError(name, path);
      if (error) errors.push(error);
    }
  }
  const required: readonly unknown[] = Array.isArray(contract.requiredEnvVars) ? contract.requiredEnvVars : [];
  if (contract.requiredEnvVars !== undefined && !Array.isArray(contract.requiredEnvVars)) {
    errors.push(`requiredEnvVars must be a list of variable names, got ${describeValue(contract.requiredEnvVars)}`);
  }
  const optional = mapEntries(contract.optionalEnvVars, 'optionalEnvVars', 'variable names to default values', errors);
  for (const name of [...required, ...optional.map(([n]) => n)]) {
    if (typeof name !== 'string' || !ENV_VAR_NAME.test(name))
      errors.push(`Environment variable name ${typeof name === 'string' ? `'${name}'` : describeValue(name)} must match [a-zA-Z_][a-zA-Z0-9_]*`);
  }
  for (const [name] of mapEntries(contract.expectedArguments, 'expectedArguments', 'argument names to default values', errors)) {
    if (!rules.argumentName.test(name)) {
      errors.push(`Argument name '${name}' must be ${rules.argumentNameRule}`);
    }
  }
  return validationResult(errors);
}

/** The entries of an optional map field; a field that is not an object is an error, and has no entries. */
function mapEntries(value: unknown, field: string, what: string, errors: string[]): [string, unknown][] {
  if (value === undefined) return [];
  if (!isPlainRecord(value)) {
    errors.push(`${field} must be an object mapping ${what}, got ${describeValue(value)}`);
    return [];
  }
  return Object.entries(value);
}
