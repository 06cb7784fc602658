import type { CreateTrainingJobRequest, DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';

const COMPLETED_AT = new Date(Date.UTC(2025, 7, 16, 1, 0, 0));

/** What DescribeTrainingJob returns once a job created from `request` has completed (as SageMaker lays it out). */
export function completedTrainingJob(request: CreateTrainingJobRequest, region: string, account: string): DescribeTrainingJobResponse {
  const name = request.TrainingJobName as string;
  const outputPath = (request.OutputDataConfig?.S3OutputPath ?? '').replace(/\/+$/, '');
  return {
    TrainingJobName: name,
    TrainingJobArn: `arn:aws:sagemaker:${region}:${account}:training-job/${name.toLowerCase()}`,
    ModelArtifacts: { S3ModelArtifacts: `${outputPath}/${name}/output/model.tar.gz` },
    TrainingJobStatus: 'Completed',
    SecondaryStatus: 'Completed',
    HyperParameters: request.HyperParameters,
    AlgorithmSpecification: request.AlgorithmSpecification,
    RoleArn: request.RoleArn,
    InputDataConfig: request.InputDataConfig,
    OutputDataConfig: request.OutputDataConfig,
    ResourceConfig: request.ResourceConfig,
    StoppingCondition: request.StoppingCondition,
    CheckpointConfig: request.CheckpointConfig,
    Environment: request.Environment,
    CreationTime: COMPLETED_AT,
    TrainingStartTime: COMPLETED_AT,
    TrainingEndTime: COMPLETED_AT,
    LastModifiedTime: COMPLETED_AT,
  } as DescribeTrainingJobResponse;
}
