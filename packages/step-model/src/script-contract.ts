import { STEP_TYPES, type StepTypeName } from '@stepscore/sagemaker';
import {
  type ContractRules,
  isUnderContainerPath,
  TRAINING_CONTRACT_RULES,
  type TrainingScriptContract,
  validateContractWith,
} from './training-script-contract.js';
import { type ValidationResult, validationResult } from './validation-result.js';

/**
 * What a processing script reads and writes inside its container: every path lies under `/opt/ml/processing/`,
 * and SageMaker mounts each input and collects each output at the path the contract names.
 */
export type ProcessingScriptContract = TrainingScriptContract;

/** The script contract of any step type that runs a script of its own (Training, Processing). */
export type ScriptContract = TrainingScriptContract | ProcessingScriptContract;

/** Where the SageMaker SDK mounts the script bundle and its launcher: a contract input there would be overwritten. */
export const PROCESSING_RESERVED_INPUT_PATHS = ['/opt/ml/processing/input/code', '/opt/ml/processing/input/entrypoint'] as const;

function under(prefix: string, path: string): boolean {
  return path.startsWith(`${prefix.replace(/\/+$/, '')}/`);
}

function processingRules(root: string): ContractRules {
  return {
    inputPathError: (name, path) => {
      if (!under(root, path)) return `Input path for '${name}' must be under ${root}/, got: ${path}`;
      const reserved = PROCESSING_RESERVED_INPUT_PATHS.find((p) => isUnderContainerPath(path, p));
      return reserved ? `Input path for '${name}' must not be under ${reserved}, where the processing job's code is mounted, got: ${path}` : undefined;
    },
    outputPathError: (name, path) => (under(root, path) ? undefined : `Output path for '${name}' must be under ${root}/, got: ${path}`),
    // Processing arguments reach the script as they are, so they follow argparse's names (`--job_type`).
    argumentName: /^[a-z0-9_-]+$/,
    argumentNameRule: 'lowercase letters, digits, underscores and hyphens',
  };
}

/**
 * A contract checked against its step type's container-path rules (from the step-type vocabulary). Step types
 * that run no script of their own (Transform, CreateModel) take no contract: giving one is an error, and so is
 * giving none to a step type that runs a script.
 */
export function validateScriptContract(contract: ScriptContract | undefined, stepType: StepTypeName): ValidationResult {
  const paths = STEP_TYPES[stepType].containerPaths;
  if (contract === undefined) {
    return validationResult(paths === null ? [] : [`${stepType} steps run a script, so they need a script contract`]);
  }
  if (stepType === 'Training') return validateContractWith(contract, TRAINING_CONTRACT_RULES);
  if (paths === null) return validationResult([`${stepType} steps run no script of their own, so they take no script contract`]);
  const root = paths.inputs[0];
  if (root === undefined || paths.outputs[0] !== root) throw new Error(`The vocabulary's ${stepType} container paths have no single root`);
  return validateContractWith(contract, processingRules(root));
}

/** Whether a step type's builders come with a script contract. */
export function stepTypeTakesContract(stepType: StepTypeName): boolean {
  return STEP_TYPES[stepType].containerPaths !== null;
}
