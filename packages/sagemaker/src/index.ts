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
  knownImageVersions,
  knownTrainingVersions,
  processorForInstanceType,
  retrieveImageUri,
  retrieveTrainingImageUri,
  type ImageFramework,
  type ImageRequest,
  type ImageScope,
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
  STEP_TYPES,
  STEP_TYPE_NAMES,
  isStepTypeName,
  stepTypeVocabulary,
  type ContainerPathRules,
  type PipelineStepType,
  type StepTypeName,
  type StepTypeVocabulary,
} from './step-types/vocabulary.js';
export { serviceInstanceTypes, type InstanceTypeUse } from './service-instance-types.js';
