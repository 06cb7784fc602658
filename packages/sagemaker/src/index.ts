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
  knownImageVersions,
  knownTrainingVersions,
  imageRepositoriesOf,
  imageRepository,
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
  processingInstanceTypes,
  trainingInstanceTypes,
  transformInstanceTypes,
  validateCreateRequest,
  validateStepArguments,
  validateStepName,
} from './service-constraints.js';
export { validateCreateTrainingJobRequest, validateTrainingStepArguments } from './training-job-constraints.js';
export type { ConstraintRule, ConstraintViolation } from './shape-validator.js';
export {
  type DocumentedAlgorithm,
  type DocumentedChannel,
  type DocumentedHyperparameter,
  documentedAlgorithmFor,
  valuesInside,
  valuesOutside,
  XGBOOST_ALGORITHM,
} from './algorithm-hyperparameters.js';
export {
  SERVICE_LIMITS,
  TRAINING_MAX_RUNTIME_SECONDS,
  TRANSFORM_MAX_PAYLOAD_MB,
  serviceLimitViolations,
  type ServiceLimit,
  type ServiceLimitViolation,
} from './service-limits.js';
export {
  STEP_TYPE_NAMES,
  STEP_TYPES,
  isStepTypeName,
  stepTypeVocabulary,
  type ContainerPathRules,
  type PipelineStepType,
  type StepTypeName,
  type StepTypeVocabulary,
} from './step-types/vocabulary.js';
export type {
  AdapterInput,
  AdapterOutput,
  AdapterResources,
  StepTypeAdapter,
  StepValue,
} from './step-types/step-adapter.js';
export { STEP_TYPE_ADAPTERS, adapterFor } from './step-types/adapters.js';
export {
  TRAINING_CHANNEL_ROOT,
  TRAINING_DEFAULT_CHECKPOINT_DIR,
  TRAINING_MODEL_DIR,
  TRAINING_OUTPUT_DATA_DIR,
  trainingAdapter,
} from './step-types/training-adapter.js';
export { processingAdapter } from './step-types/processing-adapter.js';
export { transformAdapter, type TransformStepAdapter } from './step-types/transform-adapter.js';
export { createModelAdapter, modelContainer } from './step-types/create-model-adapter.js';
export { listResponseMembers, resolvePropertyPath, type PropertyPathResolution } from './response-shapes.js';
export { serviceInstanceTypes, type InstanceTypeUse } from './service-instance-types.js';
export { pipelineParametersOf, type PipelineParameterDeclaration, type PipelineParameterType } from './pipeline-parameters.js';
export { sagemakerSdk } from './sagemaker-sdk.js';
export {
  type DistributionHyperparameter,
  type DistributionRewrite,
  type DistributionStrategy,
  type DistributionTable,
  type DistributionValue,
  type SdkDistributionOutcome,
  distributionHyperparameterNames,
  distributionMembers,
  distributionTableFor,
  PYTORCH_DISTRIBUTION,
  sdkDistributionHyperparameters,
} from './distribution-hyperparameters.js';
export {
  frameworkEstimatorDefaultsFor,
  imageTagVersion,
  PYTORCH_ESTIMATOR_DEFAULTS,
  TENSORFLOW_ESTIMATOR_DEFAULTS,
  type FrameworkEstimatorDefaults,
} from './framework-estimator-defaults.js';
export { compareVersions, versionAtLeast } from './versions.js';
