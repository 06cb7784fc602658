export {
  isPipelineExpression,
  type GetExpression,
  type JoinExpression,
  type JsonGetExpression,
  type PipelineExpression,
} from './pipeline-expression.js';
export { pythonFloatRepr, pythonJsonDumps } from './python-json.js';
export {
  encodeHyperparameters,
  frameworkHyperparameters,
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
export {
  isStepTypeName,
  STEP_TYPE_NAMES,
  STEP_TYPES,
  stepTypeVocabulary,
  type ContainerPathRules,
  type PipelineStepType,
  type StepTypeName,
  type StepTypeVocabulary,
} from './step-types/vocabulary.js';
