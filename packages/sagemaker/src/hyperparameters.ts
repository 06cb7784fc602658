// How the SageMaker Python SDK's framework estimators (PyTorch, XGBoost, ...) turn
// hyperparameters into the string map of CreateTrainingJob: every value through
// json.dumps, pipeline expressions left for the service to resolve.

import { isPipelineExpression, type PipelineExpression } from './pipeline-expression.js';
import { pythonJsonDumps, pythonStr } from './python-json.js';

export type EncodedHyperparameters = Record<string, string | PipelineExpression>;

/**
 * The built-in algorithm form (a generic Estimator without source_dir): every value through Python's `str()`,
 * not JSON — `reg:linear` stays bare, `True` is capitalised, 1.0 stays `1.0`.
 */
export function encodeBuiltInHyperparameters(hyperparameters: Readonly<Record<string, unknown>>): EncodedHyperparameters {
  const encoded: EncodedHyperparameters = {};
  for (const [name, value] of Object.entries(hyperparameters)) encoded[name] = isPipelineExpression(value) ? value : pythonStr(value);
  return encoded;
}

export function encodeHyperparameters(hyperparameters: Readonly<Record<string, unknown>>): EncodedHyperparameters {
  const encoded: EncodedHyperparameters = {};
  for (const [name, value] of Object.entries(hyperparameters)) {
    encoded[name] = isPipelineExpression(value) ? value : pythonJsonDumps(value);
  }
  return encoded;
}

export interface FrameworkHyperparameterInputs {
  /** A `Get` or `Std:Join` stays as it is, as the SDK's ParameterString entry point does. */
  readonly entryPoint: string | PipelineExpression;
  readonly submitDirectory: string | PipelineExpression;
  readonly region: string;
  /** Python logging level; the SDK's default is logging.INFO (20). An integer parameter becomes `Std:Join` on ''. */
  readonly containerLogLevel?: number | PipelineExpression;
}

/**
 * A pipeline variable as the SDK's `to_string()` makes it: a string-typed one stays as it is,
 * any other (an integer parameter, say) is joined on '' so the service sees a string.
 */
export function pipelineVariableToString(value: PipelineExpression, stringTyped: boolean): PipelineExpression {
  if (stringTyped || !('Get' in value)) return value;
  return { 'Std:Join': { On: '', Values: [value] } };
}

function encodeValue(value: unknown, stringTyped: boolean): string | PipelineExpression {
  return isPipelineExpression(value) ? pipelineVariableToString(value, stringTyped) : pythonJsonDumps(value);
}

/** The `sagemaker_*` hyperparameters a framework estimator adds, in the SDK's order. */
export function frameworkHyperparameters({
  entryPoint,
  submitDirectory,
  region,
  containerLogLevel = 20,
}: FrameworkHyperparameterInputs): EncodedHyperparameters {
  return {
    sagemaker_submit_directory: encodeValue(submitDirectory, true),
    sagemaker_program: encodeValue(entryPoint, true),
    sagemaker_container_log_level: encodeValue(containerLogLevel, false),
    sagemaker_region: pythonJsonDumps(region),
  };
}
