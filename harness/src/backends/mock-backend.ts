import { CreatePipelineCommand, DescribePipelineCommand, SageMakerClient, StartPipelineExecutionCommand } from '../aws/sagemaker-client.js';
import { STEP_TYPE_NAMES, STEP_TYPES, type StepTypeName } from '@stepscore/sagemaker';
import { answerInProcess } from '../mocks/answer-in-process.js';
import { MOCK_CREDENTIALS } from '../mocks/mocked-s3.js';
import { ARN_MEMBER, completedJob, jobArn } from './completed-jobs.js';
import type { IntegrationBackend, JobDocument } from './integration-backend.js';
import { describedName, JOB_COMMANDS } from './job-commands.js';
import { SentCommands } from './sent-commands.js';
import { jobRequestRefusals, pipelineDefinitionRefusals, validationException } from './service-refusals.js';

const ACCOUNT = '123456789012';

export interface MockIntegrationBackend extends IntegrationBackend {
  /** What its SageMaker client was sent: tests read it. */
  readonly sent: SentCommands;
}

function notFound(what: string): Error {
  return Object.assign(new Error(`${what} does not exist`), { name: 'ResourceNotFound' });
}

function inUse(what: string): Error {
  return Object.assign(new Error(`${what} already exists`), { name: 'ResourceInUse' });
}

function refuseIf(problems: readonly string[]): void {
  if (problems.length > 0) throw validationException(problems.join('; '));
}

/**
 * A mocked client for one region with the state behind its answers; reused by later backends once released.
 * It refuses what SageMaker refuses: a definition with an unknown step type, Arguments that break the
 * service model, or a reference to a missing step or property; a job request that breaks the model.
 */
class MockedSageMaker {
  readonly client: SageMakerClient;
  readonly sent = new SentCommands();
  private readonly pipelines = new Map<string, string>();
  private readonly jobs = new Map<StepTypeName, Map<string, JobDocument>>(STEP_TYPE_NAMES.map((t) => [t, new Map()]));

  constructor(readonly region: string) {
    this.client = new SageMakerClient({ region, credentials: MOCK_CREDENTIALS });
    answerInProcess(this.client, (command) => {
      this.sent.record(command);
      return this.answer(command);
    });
  }

  /** As new: no pipelines, no jobs, no calls recorded. */
  reset(): void {
    this.pipelines.clear();
    for (const jobs of this.jobs.values()) jobs.clear();
    this.sent.clear();
  }

  private answer(command: unknown): unknown {
    const { region, pipelines } = this;
    if (command instanceof CreatePipelineCommand) {
      const input = command.input as { PipelineName: string; PipelineDefinition: string };
      if (pipelines.has(input.PipelineName)) throw inUse(`Pipeline ${input.PipelineName}`);
      refuseIf(pipelineDefinitionRefusals(input.PipelineDefinition));
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
    for (const stepType of STEP_TYPE_NAMES) {
      const commands = JOB_COMMANDS[stepType];
      const jobs = this.jobs.get(stepType) as Map<string, JobDocument>;
      if (command instanceof commands.createCommand) {
        const request = (command as { input: JobDocument }).input;
        refuseIf(jobRequestRefusals(stepType, request));
        const name = request[STEP_TYPES[stepType].jobNameMember] as string;
        if (jobs.has(name)) throw inUse(`${STEP_TYPES[stepType].jobNameMember} ${name}`);
        jobs.set(name, request);
        return { [ARN_MEMBER[stepType]]: jobArn(stepType, name, region, ACCOUNT) };
      }
      if (command instanceof commands.describeCommand) {
        const name = describedName(stepType, (command as { input: unknown }).input);
        const request = jobs.get(name);
        if (!request) throw notFound(`${STEP_TYPES[stepType].jobNameMember} ${name}`);
        return completedJob(stepType, request, name, region, ACCOUNT);
      }
    }
    // As SageMaker's client resolves a command no operation here answers: with nothing.
    return undefined;
  }
}

// Released mocked clients by region. Making a client costs about a millisecond, once per builder; a released one
// only needs its state and recorded commands cleared.
const released = new Map<string, MockedSageMaker[]>();

function mockedSageMaker(region: string): MockedSageMaker {
  const reused = released.get(region)?.pop();
  if (!reused) return new MockedSageMaker(region);
  reused.reset();
  return reused;
}

function withoutMetadata(response: object): JobDocument {
  const { $metadata: _metadata, ...rest } = response as JobDocument;
  return rest;
}

/**
 * The default backend: a real SageMakerClient whose commands are answered in process, with just enough state for
 * pipelines and jobs of every kind to round-trip. Each backend starts empty; closing it hands its mocked client on to
 * the next backend of the region.
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
    sent: mocked.sent,
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
    async createJob(stepType, request) {
      await JOB_COMMANDS[stepType].create(open(), request);
    },
    async describeJob(stepType, name) {
      return withoutMetadata(await JOB_COMMANDS[stepType].describe(open(), name));
    },
    servedByMock: () => [],
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
