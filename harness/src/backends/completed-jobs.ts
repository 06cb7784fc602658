import type { StepTypeName } from '@stepscore/sagemaker';
import type { JobDocument } from './integration-backend.js';

const COMPLETED_AT = new Date(Date.UTC(2025, 7, 16, 1, 0, 0));

const trimmed = (uri: unknown) => (typeof uri === 'string' ? uri.replace(/\/+$/, '') : '');

/** What DescribeTrainingJob returns once a job created from `request` has completed (as SageMaker lays it out). */
function completedTrainingJob(request: JobDocument, arn: string): JobDocument {
  const name = request['TrainingJobName'] as string;
  const outputPath = trimmed((request['OutputDataConfig'] as { S3OutputPath?: unknown } | undefined)?.S3OutputPath);
  return {
    ...request,
    TrainingJobArn: arn,
    ModelArtifacts: { S3ModelArtifacts: `${outputPath}/${name}/output/model.tar.gz` },
    TrainingJobStatus: 'Completed',
    SecondaryStatus: 'Completed',
    CreationTime: COMPLETED_AT,
    TrainingStartTime: COMPLETED_AT,
    TrainingEndTime: COMPLETED_AT,
    LastModifiedTime: COMPLETED_AT,
  };
}

/** The ARN resource type of each kind, e.g. `training-job`. */
const ARN_RESOURCE: Readonly<Record<StepTypeName, string>> = {
  Training: 'training-job',
  Processing: 'processing-job',
  Transform: 'transform-job',
  CreateModel: 'model',
};

/** The member that carries the ARN in the create and describe responses. */
export const ARN_MEMBER: Readonly<Record<StepTypeName, string>> = {
  Training: 'TrainingJobArn',
  Processing: 'ProcessingJobArn',
  Transform: 'TransformJobArn',
  CreateModel: 'ModelArn',
};

export function jobArn(stepType: StepTypeName, name: string, region: string, account: string): string {
  return `arn:aws:sagemaker:${region}:${account}:${ARN_RESOURCE[stepType]}/${name.toLowerCase()}`;
}

/**
 * What the describe operation returns once a job created from `request` has completed, as SageMaker lays it
 * out: the request's members echoed, plus what the service adds (ARN, status, times, the model artefacts'
 * location for Training). Processing outputs and Transform output stay where the request put them.
 */
export function completedJob(stepType: StepTypeName, request: JobDocument, name: string, region: string, account: string): JobDocument {
  const arn = jobArn(stepType, name, region, account);
  switch (stepType) {
    case 'Training':
      return completedTrainingJob(request, arn);
    case 'Processing':
      return {
        ...request,
        ProcessingJobArn: arn,
        ProcessingJobStatus: 'Completed',
        CreationTime: COMPLETED_AT,
        ProcessingStartTime: COMPLETED_AT,
        ProcessingEndTime: COMPLETED_AT,
        LastModifiedTime: COMPLETED_AT,
      };
    case 'Transform':
      return {
        ...request,
        TransformJobArn: arn,
        TransformJobStatus: 'Completed',
        CreationTime: COMPLETED_AT,
        TransformStartTime: COMPLETED_AT,
        TransformEndTime: COMPLETED_AT,
      };
    case 'CreateModel':
      return { ...request, ModelArn: arn, CreationTime: COMPLETED_AT };
  }
}
