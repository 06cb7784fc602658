// How the SageMaker Python SDK's framework estimators (PyTorch, XGBoost, ...) turn
// hyperparameters into the string map of CreateTrainingJob: every value through
// json.dumps, pipeline expressions left for the service to resolve.

import { isPipelineExpression, type PipelineExpression } from './pipeline-expression.js';
import { pythonJsonDumps } from './python-json.js';

export type EncodedHyperparameters = Record<string, string | PipelineExpression>;

export function encodeHyperparameters(hyperparameters: Readonly<Record<string, unknown>>): EncodedHyperparameters {
  const encoded: EncodedHyperparameters = {};
  for (const [name, value] of Object.entries(hyperparameters)) {
    encoded[name] = isPipelineExpression(value) ? value : pythonJsonDumps(value);
  }
  return encoded;
}

export interface FrameworkHyperparameterInputs {
  readonly entryPoint: string;
  readonly submitDirectory: string;
  readonly region: string;
  /** Python logging level; the SDK's default is logging.INFO (20). */
  readonly containerLogLevel?: number;
}

/** The `sagemaker_*` hyperparameters a framework estimator adds, in the SDK's order. */
export function frameworkHyperparameters({
  entryPoint,
  submitDirectory,
  region,
  containerLogLevel = 20,
}: FrameworkHyperparameterInputs): Record<string, string> {
  return {
    sagemaker_submit_directory: pythonJsonDumps(submitDirectory),
    sagemaker_program: pythonJsonDumps(entryPoint),
    sagemaker_container_log_level: pythonJsonDumps(containerLogLevel),
    sagemaker_region: pythonJsonDumps(region),
  };
}
