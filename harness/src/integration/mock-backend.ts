import {
  CreatePipelineCommand,
  CreateTrainingJobCommand,
  type CreateTrainingJobRequest,
  DescribePipelineCommand,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { MOCK_CREDENTIALS } from '../mocks/mocked-s3.js';
import type { IntegrationBackend } from './integration-backend.js';
import { completedTrainingJob } from './completed-training-job.js';

const ACCOUNT = '123456789012';

export interface MockIntegrationBackend extends IntegrationBackend {
  /** The aws-sdk-client-mock stub answering the client: tests read the commands sent from it. */
  readonly sageMakerMock: AwsClientStub<SageMakerClient>;
}

function notFound(what: string): Error {
  return Object.assign(new Error(`${what} does not exist`), { name: 'ResourceNotFound' });
}

/**
 * The default backend: a real SageMakerClient whose commands are answered in process by
 * aws-sdk-client-mock, with just enough state for pipelines and training jobs to round-trip.
 */
export async function createMockBackend(region: string): Promise<MockIntegrationBackend> {
  const client = new SageMakerClient({ region, credentials: MOCK_CREDENTIALS });
  const mock = mockClient(client);
  const pipelines = new Map<string, string>();
  const jobs = new Map<string, CreateTrainingJobRequest>();

  mock.on(CreatePipelineCommand).callsFake((input: { PipelineName: string; PipelineDefinition: string }) => {
    pipelines.set(input.PipelineName, input.PipelineDefinition);
    return { PipelineArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:pipeline/${input.PipelineName.toLowerCase()}` };
  });
  mock.on(DescribePipelineCommand).callsFake((input: { PipelineName: string }) => {
    const definition = pipelines.get(input.PipelineName);
    if (definition === undefined) throw notFound(`Pipeline ${input.PipelineName}`);
    return { PipelineName: input.PipelineName, PipelineDefinition: definition, PipelineStatus: 'Active' };
  });
  mock.on(StartPipelineExecutionCommand).callsFake((input: { PipelineName: string }) => {
    if (!pipelines.has(input.PipelineName)) throw notFound(`Pipeline ${input.PipelineName}`);
    return { PipelineExecutionArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:pipeline/${input.PipelineName.toLowerCase()}/execution/mock0001` };
  });
  mock.on(CreateTrainingJobCommand).callsFake((input: CreateTrainingJobRequest) => {
    jobs.set(input.TrainingJobName as string, input);
    return { TrainingJobArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:training-job/${String(input.TrainingJobName).toLowerCase()}` };
  });
  mock.on(DescribeTrainingJobCommand).callsFake((input: { TrainingJobName: string }) => {
    const request = jobs.get(input.TrainingJobName);
    if (!request) throw notFound(`Training job ${input.TrainingJobName}`);
    return completedTrainingJob(request, region, ACCOUNT);
  });

  return {
    name: 'mock',
    sageMakerMock: mock,
    async createPipeline({ name, definition, roleArn }) {
      await client.send(new CreatePipelineCommand({ PipelineName: name, PipelineDefinition: definition, RoleArn: roleArn }));
    },
    async describePipelineDefinition(name) {
      const out = await client.send(new DescribePipelineCommand({ PipelineName: name }));
      return out.PipelineDefinition ?? '';
    },
    async startPipelineExecution(name) {
      const out = await client.send(new StartPipelineExecutionCommand({ PipelineName: name }));
      return out.PipelineExecutionArn ?? '';
    },
    async createTrainingJob(request) {
      await client.send(new CreateTrainingJobCommand(request));
    },
    async describeTrainingJob(name): Promise<DescribeTrainingJobResponse> {
      return client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    },
    async close() {
      mock.restore();
      client.destroy();
    },
  };
}
