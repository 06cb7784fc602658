// The one table that knows how SageMaker step types differ. Everything else asks it.

/** How a builder registers its step type. */
export type StepTypeName = 'Training' | 'Processing' | 'Transform' | 'CreateModel';

/** The `Type` a step carries in a pipeline definition (CreateModel steps are `Model`). */
export type PipelineStepType = 'Training' | 'Processing' | 'Transform' | 'Model';

/** Where a step type's script reads and writes inside its container; null when the step runs no script of its own. */
export interface ContainerPathRules {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

export interface StepTypeVocabulary {
  readonly stepType: StepTypeName;
  readonly pipelineType: PipelineStepType;
  /** The request the step's Arguments are (without the job-name member, which the pipeline fills in). */
  readonly requestShape: string;
  /** The response a step's `properties` are built from. */
  readonly responseShape: string;
  /** The request member that names the job; the pipeline assigns it at run time. */
  readonly jobNameMember: string;
  readonly createOperation: string;
  readonly describeOperation: string;
  readonly containerPaths: ContainerPathRules | null;
}

export const STEP_TYPES: Readonly<Record<StepTypeName, StepTypeVocabulary>> = {
  Training: {
    stepType: 'Training',
    pipelineType: 'Training',
    requestShape: 'CreateTrainingJobRequest',
    responseShape: 'DescribeTrainingJobResponse',
    jobNameMember: 'TrainingJobName',
    createOperation: 'CreateTrainingJob',
    describeOperation: 'DescribeTrainingJob',
    containerPaths: {
      inputs: ['/opt/ml/input/data', '/opt/ml/input/config'],
      outputs: ['/opt/ml/model', '/opt/ml/output/data', '/opt/ml/checkpoints'],
    },
  },
  Processing: {
    stepType: 'Processing',
    pipelineType: 'Processing',
    requestShape: 'CreateProcessingJobRequest',
    responseShape: 'DescribeProcessingJobResponse',
    jobNameMember: 'ProcessingJobName',
    createOperation: 'CreateProcessingJob',
    describeOperation: 'DescribeProcessingJob',
    containerPaths: { inputs: ['/opt/ml/processing'], outputs: ['/opt/ml/processing'] },
  },
  Transform: {
    stepType: 'Transform',
    pipelineType: 'Transform',
    requestShape: 'CreateTransformJobRequest',
    responseShape: 'DescribeTransformJobResponse',
    jobNameMember: 'TransformJobName',
    createOperation: 'CreateTransformJob',
    describeOperation: 'DescribeTransformJob',
    containerPaths: null,
  },
  CreateModel: {
    stepType: 'CreateModel',
    pipelineType: 'Model',
    requestShape: 'CreateModelInput',
    responseShape: 'DescribeModelOutput',
    jobNameMember: 'ModelName',
    createOperation: 'CreateModel',
    describeOperation: 'DescribeModel',
    containerPaths: null,
  },
};

export const STEP_TYPE_NAMES: readonly StepTypeName[] = Object.keys(STEP_TYPES) as StepTypeName[];

export function isStepTypeName(value: unknown): value is StepTypeName {
  return typeof value === 'string' && Object.hasOwn(STEP_TYPES, value);
}

/** The vocabulary entry for a registration type or a pipeline `Type` (`Model` → CreateModel). */
export function stepTypeVocabulary(type: string): StepTypeVocabulary | undefined {
  if (isStepTypeName(type)) return STEP_TYPES[type];
  return Object.values(STEP_TYPES).find((entry) => entry.pipelineType === type);
}
