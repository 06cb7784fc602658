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
import { completedTrainingJob } from './completed-jobs.js';

const ACCOUNT = '123456789012';

export interface MockIntegrationBackend extends IntegrationBackend {
  /** The aws-sdk-client-mock stub answering the client: tests read the commands sent from it. */
  readonly sageMakerMock: AwsClientStub<SageMakerClient>;
}

function notFound(what: string): Error {
  return Object.assign(new Error(`${what} does not exist`), { name: 'ResourceNotFound' });
}

/** A mocked client for one region with the state behind its answers; reused by later backends once released. */
class MockedSageMaker {
  readonly client: SageMakerClient;
  readonly mock: AwsClientStub<SageMakerClient>;
  private readonly pipelines = new Map<string, string>();
  private readonly jobs = new Map<string, CreateTrainingJobRequest>();

  constructor(readonly region: string) {
    this.client = new SageMakerClient({ region, credentials: MOCK_CREDENTIALS });
    this.mock = mockClient(this.client);
    // One behaviour that answers by command type: a `mock.on(Command)` per operation costs a Sinon fake each,
    // matched on every call, for the same answers.
    this.mock.send.callsFake(async (command) => this.answer(command) as never);
  }

  /** As new: no pipelines, no jobs, no calls recorded. */
  reset(): void {
    this.pipelines.clear();
    this.jobs.clear();
    this.mock.resetHistory();
  }

  private answer(command: unknown): unknown {
    const { region, pipelines, jobs } = this;
    if (command instanceof CreatePipelineCommand) {
      const input = command.input as { PipelineName: string; PipelineDefinition: string };
      pipelines.set(input.PipelineName, input.PipelineDefinition);
      return { PipelineArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:pipeline/${input.PipelineName.toLowerCase()}` };
    }
    if (command instanceof DescribePipelineCommand) {
      const input = command.input as { PipelineName: string };
      const definition = pipelines.get(input.PipelineName);
      if (definition === undefined) throw notFound(`Pipeline ${input.PipelineName}`);
      return { PipelineName: input.PipelineName, PipelineDefinition: definition, PipelineStatus: 'Active' };
    }
    if (command instanceof StartPipelineExecutionCommand) {
      const input = command.input as { PipelineName: string };
      if (!pipelines.has(input.PipelineName)) throw notFound(`Pipeline ${input.PipelineName}`);
      return { PipelineExecutionArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:pipeline/${input.PipelineName.toLowerCase()}/execution/mock0001` };
    }
    if (command instanceof CreateTrainingJobCommand) {
      const input = command.input as CreateTrainingJobRequest;
      jobs.set(input.TrainingJobName as string, input);
      return { TrainingJobArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:training-job/${String(input.TrainingJobName).toLowerCase()}` };
    }
    if (command instanceof DescribeTrainingJobCommand) {
      const input = command.input as { TrainingJobName: string };
      const request = jobs.get(input.TrainingJobName);
      if (!request) throw notFound(`Training job ${input.TrainingJobName}`);
      return completedTrainingJob(request, region, ACCOUNT);
    }
    // As aws-sdk-client-mock answers a command it was given no behaviour for.
    return undefined;
  }
}

// Released mocked clients by region. Making a client and its Sinon stub costs about a millisecond, once per
// builder; a released one only needs its state and recorded calls cleared.
const released = new Map<string, MockedSageMaker[]>();

function mockedSageMaker(region: string): MockedSageMaker {
  const reused = released.get(region)?.pop();
  if (!reused) return new MockedSageMaker(region);
  reused.reset();
  return reused;
}

/**
 * The default backend: a real SageMakerClient whose commands are answered in process by
 * aws-sdk-client-mock, with just enough state for pipelines and training jobs to round-trip. Each backend
 * starts empty; closing it hands its mocked client on to the next backend of the region.
 */
export async function createMockBackend(region: string): Promise<MockIntegrationBackend> {
  const mocked = mockedSageMaker(region);
  const { client } = mocked;
  let closed = false;
  const open = (): SageMakerClient => {
    if (closed) throw new Error('This mock backend was closed; make a new one with createMockBackend');
    return client;
  };
  return {
    name: 'mock',
    sageMakerMock: mocked.mock,
    async createPipeline({ name, definition, roleArn }) {
      await open().send(new CreatePipelineCommand({ PipelineName: name, PipelineDefinition: definition, RoleArn: roleArn }));
    },
    async describePipelineDefinition(name) {
      const out = await open().send(new DescribePipelineCommand({ PipelineName: name }));
      return out.PipelineDefinition ?? '';
    },
    async startPipelineExecution(name) {
      const out = await open().send(new StartPipelineExecutionCommand({ PipelineName: name }));
      return out.PipelineExecutionArn ?? '';
    },
    async createTrainingJob(request) {
      await open().send(new CreateTrainingJobCommand(request));
    },
    async describeTrainingJob(name): Promise<DescribeTrainingJobResponse> {
      return open().send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    },
    async close() {
      if (closed) return;
      closed = true;
      // Its recorded calls stay readable until another backend takes the client.
      let idle = released.get(region);
      if (!idle) released.set(region, (idle = []));
      idle.push(mocked);
    },
  };
}
