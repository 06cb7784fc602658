import type { CreateModelInput, CreateProcessingJobRequest, CreateTrainingJobRequest, CreateTransformJobRequest } from '@aws-sdk/client-sagemaker';
import type { PipelineExpression } from '@stepscore/sagemaker';

/** Where SageMaker accepts a literal, a pipeline definition may hold an expression instead. */
export type WithPipelineExpressions<T> = T extends string | number | boolean
  ? T | PipelineExpression
  : T extends readonly (infer U)[]
    ? WithPipelineExpressions<U>[]
    : T extends object
      ? { [K in keyof T]: WithPipelineExpressions<T[K]> }
      : T;

/** A value handed to a builder as an input: an S3 URI or an expression such as `{"Get": ...}`. */
export type PipelineValue = string | PipelineExpression;

/** The pipeline assigns the job name at execution time, so a step's Arguments carry none. */
export type TrainingStepArguments = WithPipelineExpressions<Omit<CreateTrainingJobRequest, 'TrainingJobName'>>;
export type TrainingChannel = NonNullable<TrainingStepArguments['InputDataConfig']>[number];

/** A Processing step's Arguments: the CreateProcessingJob request without the job name. */
export type ProcessingStepArguments = WithPipelineExpressions<Omit<CreateProcessingJobRequest, 'ProcessingJobName'>>;
export type ProcessingInputArgument = NonNullable<ProcessingStepArguments['ProcessingInputs']>[number];
export type ProcessingOutputArgument = NonNullable<NonNullable<ProcessingStepArguments['ProcessingOutputConfig']>['Outputs']>[number];

/** A Transform step's Arguments: the CreateTransformJob request without the job name. */
export type TransformStepArguments = WithPipelineExpressions<Omit<CreateTransformJobRequest, 'TransformJobName'>>;

/** A CreateModel step's Arguments: the CreateModel request without the model name, which the pipeline assigns. */
export type CreateModelStepArguments = WithPipelineExpressions<Omit<CreateModelInput, 'ModelName'>>;

export interface CacheConfig {
  readonly Enabled: boolean;
  readonly ExpireAfter?: string;
}

export interface PipelineStepDefinition {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments: Record<string, unknown>;
  readonly DependsOn?: readonly string[];
  readonly CacheConfig?: CacheConfig;
  readonly Description?: string;
  readonly DisplayName?: string;
  /** The step's retry policies, as the SDK's RetryPolicy.to_request() writes them. */
  readonly RetryPolicies?: readonly Record<string, unknown>[];
}

export interface TrainingStepDefinition extends PipelineStepDefinition {
  readonly Type: 'Training';
  readonly Arguments: TrainingStepArguments & Record<string, unknown>;
}

/** A file a Processing step writes that later steps may read values from (`JsonGet`). */
export interface PropertyFile {
  readonly PropertyFileName: string;
  readonly OutputName: string;
  readonly FilePath: string;
}

export interface ProcessingStepDefinition extends PipelineStepDefinition {
  readonly Type: 'Processing';
  readonly Arguments: ProcessingStepArguments & Record<string, unknown>;
  readonly PropertyFiles?: readonly PropertyFile[];
}

export interface TransformStepDefinition extends PipelineStepDefinition {
  readonly Type: 'Transform';
  readonly Arguments: TransformStepArguments & Record<string, unknown>;
}

/** SageMaker does not cache CreateModel steps: the SDK refuses a cache config for them. */
export interface CreateModelStepDefinition extends PipelineStepDefinition {
  readonly Type: 'Model';
  readonly Arguments: CreateModelStepArguments & Record<string, unknown>;
  readonly CacheConfig?: never;
}

export interface PipelineDefinition {
  readonly Version: '2020-12-01';
  readonly Metadata: Record<string, unknown>;
  readonly Parameters: readonly Record<string, unknown>[];
  readonly PipelineExperimentConfig?: Record<string, unknown>;
  readonly Steps: readonly PipelineStepDefinition[];
}
