export {
  isPipelineExpression,
  type GetExpression,
  type JoinExpression,
  type JsonGetExpression,
  type PipelineExpression,
} from './pipeline-expression.js';
export { numericValue, pythonFloatRepr, pythonFloatText, PythonFloat, pythonJsonDumps, pythonStr } from './python-json.js';
export {
  encodeBuiltInHyperparameters,
  encodeHyperparameters,
  frameworkHyperparameters,
  pipelineVariableToString,
  type EncodedHyperparameters,
  type FrameworkHyperparameterInputs,
} from './hyperparameters.js';
export {
  knownTrainingVersions,
  processorForInstanceType,
  retrieveTrainingImageUri,
  type KnownTrainingVersion,
  type Processor,
  type TrainingFramework,
  type TrainingImageRequest,
} from './image-uris.js';
export {
  trainingInstanceTypes,
  validateCreateTrainingJobRequest,
  validateStepName,
  validateTrainingStepArguments,
  type ConstraintRule,
  type ConstraintViolation,
} from './training-job-constraints.js';
export { listResponseMembers, resolvePropertyPath, type PropertyPathResolution } from './response-shapes.js';
export { pipelineParametersOf, type PipelineParameterDeclaration, type PipelineParameterType } from './pipeline-parameters.js';
