import type { CreateTrainingJobRequest, DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';

/**
 * The SageMaker API surface the Integration level talks to. The same checks run on every backend:
 * the in-process mock (aws-sdk-client-mock) by default, or a local moto_server.
 */
export interface IntegrationBackend {
  readonly name: string;
  createPipeline(input: { name: string; definition: string; roleArn: string }): Promise<void>;
  /** The definition SageMaker stored for the pipeline, as it returns it. */
  describePipelineDefinition(name: string): Promise<string>;
  startPipelineExecution(name: string): Promise<string>;
  createTrainingJob(request: CreateTrainingJobRequest): Promise<void>;
  describeTrainingJob(name: string): Promise<DescribeTrainingJobResponse>;
  close(): Promise<void>;
}

export type IntegrationBackendFactory = (region: string) => Promise<IntegrationBackend>;
