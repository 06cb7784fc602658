import { randomInt } from 'node:crypto';
import { CreatePipelineCommand, DescribePipelineCommand, SageMakerClient, StartPipelineExecutionCommand } from '../aws/sagemaker-client.js';
import { STEP_TYPES, type StepTypeName } from '@stepscore/sagemaker';
import { MOCK_CREDENTIALS } from '../mocks/mocked-s3.js';
import type { IntegrationBackend, IntegrationBackendFactory, JobDocument } from './integration-backend.js';
import { JOB_COMMANDS } from './job-commands.js';
import { createMockBackend } from './mock-backend.js';
import { pipelineDefinitionRefusals, validationException } from './service-refusals.js';
import { type MotoServer, type ServerOutput, type StartMotoServerOptions, startMotoServer } from './moto-server.js';

export const MOTO_BACKEND_NAME = 'moto';

/** moto keeps state per account; this request header picks the account (moto ≥ 5). */
const MOTO_ACCOUNT_HEADER = 'x-moto-account-id';

/**
 * Each backend gets an account of its own on the shared server, so builders running side by side (or one
 * run after another) never see each other's pipelines and jobs, just as each mock backend starts empty.
 */
function freshAccountId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}

/**
 * Backends that send every call with the real SageMakerClient over HTTP to the moto_server at `endpoint`,
 * so the SDK's serialisation and moto's parsing run on exactly what the builder emitted. moto needs no IAM
 * role or S3 bucket to exist for these calls (it neither checks RoleArn nor touches S3OutputPath).
 */
export function createMotoBackendFactory(endpoint: string, options: MotoBackendOptions = {}): IntegrationBackendFactory {
  return async (region) => createMotoBackend(endpoint, region, options);
}

export interface MotoBackendOptions {
  /** The server's output, to name the exception when moto itself fails on a request. */
  readonly serverOutput?: ServerOutput;
  /**
   * Create operations (e.g. `CreateTransformJob`) to hand to the in-process mock without asking moto, with
   * the matching describe. Operations moto answers as not implemented are handed over too, when first met.
   */
  readonly lacking?: readonly string[];
}

/**
 * What moto 5.2.1 (the version on this machine) lacks of the operations the Integration level uses: nothing;
 * it implements CreatePipeline, DescribePipeline, StartPipelineExecution and the create and describe
 * operations of all four job kinds. What it stubs: CreatePipeline stores any definition (so its definition
 * is checked in process, see DEFINITION_NOTE); StartPipelineExecution runs no step (the dry run runs them);
 * CreateProcessingJob drops ProcessingResources (its DescribeProcessingJob has none); no create operation
 * checks the request against the service model (CreateTrainingJob without OutputDataConfig.S3OutputPath
 * crashes with a KeyError). It has no ListPipelineExecutionSteps, which nothing here uses. A moto that answers
 * one of the job operations as not implemented is detected at the call and served by the mock.
 */
export const MOTO_LACKS: readonly string[] = [];

/** moto's CreatePipeline stores any definition: the mock's checks of it (step types, Arguments, references) stand in. */
export const DEFINITION_NOTE = 'moto does not validate pipeline definitions, so the mock checked it';

/** Whether moto answered that it does not implement the operation (moto_server: HTTP 404/501 or NotImplementedError). */
function isNotImplemented(error: unknown, logged: string | undefined): boolean {
  const e = error as Error & { $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return status === 404 || status === 501 || /not (yet )?(been )?implemented/i.test(e.message ?? '') || /NotImplementedError/.test(logged ?? '');
}

const EXCEPTION_LOG_WAIT_MS = 1_000;

/**
 * The last Python exception line (e.g. `KeyError: 'S3OutputPath'`) moto logged after `mark`; the traceback
 * can reach the pipe a little after the response, so this waits for it briefly.
 */
async function exceptionLoggedSince(output: ServerOutput | undefined, mark: number): Promise<string | undefined> {
  if (!output) return undefined;
  const deadline = Date.now() + EXCEPTION_LOG_WAIT_MS;
  for (;;) {
    const line = output
      .since(mark)
      .split('\n')
      .filter((l) => /^[A-Za-z_.]*(Error|Exception)\b.*$/.test(l))
      .pop();
    if (line !== undefined || Date.now() >= deadline) return line;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function createMotoBackend(endpoint: string, region: string, options: MotoBackendOptions = {}): Promise<IntegrationBackend> {
  const client = new SageMakerClient({ region, endpoint, credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
  const account = freshAccountId();
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers[MOTO_ACCOUNT_HEADER] = account;
      return next(args);
    },
    { step: 'build', name: 'stepscoreMotoAccount' },
  );

  class NotImplementedByMoto extends Error {}

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    const mark = options.serverOutput?.mark() ?? 0;
    try {
      return await send();
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode ?? 0;
      const loggedNow = status >= 500 ? await exceptionLoggedSince(options.serverOutput, mark) : undefined;
      if (isNotImplemented(error, loggedNow)) throw new NotImplementedByMoto(operation);
      if (status >= 500) {
        // moto answers its own crashes with an HTML debug page the SDK cannot read; its log names the exception.
        const logged = loggedNow;
        const reason = `moto answered HTTP ${status}: moto itself failed on this request, which usually means a member it needs is missing${logged ? ` (moto's log: ${logged})` : ''}`;
        throw Object.assign(new Error(`${operation} on moto_server at ${endpoint} failed: ${reason}`, { cause: error }), { name: 'MotoInternalError' });
      }
      throw Object.assign(new Error(`${operation} on moto_server at ${endpoint} failed: ${e.name}: ${e.message}`, { cause: error }), { name: e.name });
    }
  }

  // Job kinds whose operations the in-process mock serves, with why.
  const handedToMock = new Map<StepTypeName, string>();
  for (const stepType of Object.keys(STEP_TYPES) as StepTypeName[]) {
    const operation = STEP_TYPES[stepType].createOperation;
    if ((options.lacking ?? MOTO_LACKS).includes(operation)) handedToMock.set(stepType, `moto lacks ${operation}`);
  }
  const servedByMoto = (stepType: StepTypeName) => !handedToMock.has(stepType);
  let mockBackend: Promise<IntegrationBackend> | undefined;
  const mock = () => (mockBackend ??= createMockBackend(region));

  return {
    name: MOTO_BACKEND_NAME,
    async createPipeline({ name, definition, roleArn }) {
      // moto stores any definition; what SageMaker would refuse is refused here, in process, as the mock does.
      const refusals = pipelineDefinitionRefusals(definition);
      if (refusals.length > 0) throw validationException(`${refusals.join('; ')} (${DEFINITION_NOTE})`);
      await call('CreatePipeline', () => client.send(new CreatePipelineCommand({ PipelineName: name, PipelineDefinition: definition, RoleArn: roleArn })));
    },
    async describePipelineDefinition(name) {
      const out = await call('DescribePipeline', () => client.send(new DescribePipelineCommand({ PipelineName: name })));
      return out.PipelineDefinition ?? '';
    },
    async startPipelineExecution(name) {
      const out = await call('StartPipelineExecution', () => client.send(new StartPipelineExecutionCommand({ PipelineName: name })));
      return out.PipelineExecutionArn ?? '';
    },
    async createJob(stepType, request) {
      const operation = STEP_TYPES[stepType].createOperation;
      if (!servedByMoto(stepType)) return (await mock()).createJob(stepType, request);
      try {
        await call(operation, () => JOB_COMMANDS[stepType].create(client, request));
      } catch (error) {
        if (!(error instanceof NotImplementedByMoto)) throw error;
        handedToMock.set(stepType, `moto lacks ${operation}`);
        await (await mock()).createJob(stepType, request);
      }
    },
    async describeJob(stepType, name) {
      const operation = STEP_TYPES[stepType].describeOperation;
      if (!servedByMoto(stepType)) return (await mock()).describeJob(stepType, name);
      try {
        const { $metadata: _metadata, ...response } = (await call(operation, () => JOB_COMMANDS[stepType].describe(client, name))) as JobDocument;
        return response;
      } catch (error) {
        if (!(error instanceof NotImplementedByMoto)) throw error;
        throw new Error(
          `${operation} on moto_server at ${endpoint}: moto lacks ${operation}, though it created the job; the mock cannot describe a job moto holds`,
        );
      }
    },
    servedByMock: () => [DEFINITION_NOTE, ...new Set(handedToMock.values())],
    async close() {
      client.destroy();
      if (mockBackend) await (await mockBackend).close();
    },
  };
}

export interface RunningMotoBackend {
  readonly name: typeof MOTO_BACKEND_NAME;
  readonly factory: IntegrationBackendFactory;
  readonly server: MotoServer;
  /** Stops the server (a no-op for one given by STEPSCORE_MOTO_ENDPOINT). */
  stop(): Promise<void>;
}

/** Starts moto_server (or uses STEPSCORE_MOTO_ENDPOINT) and returns a backend factory pointed at it. */
export async function startMotoBackend(options: StartMotoServerOptions = {}): Promise<RunningMotoBackend> {
  const server = await startMotoServer(options);
  return { name: MOTO_BACKEND_NAME, factory: createMotoBackendFactory(server.endpoint, { serverOutput: server.output }), server, stop: () => server.stop() };
}
