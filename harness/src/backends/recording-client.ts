import type { SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { SageMakerClient } from '../aws/sagemaker-client.js';
import { MOCK_CREDENTIALS } from '../mocks/mocked-s3.js';
import { RecordingRequestHandler } from './recording-request-handler.js';

type SdkHttpHandler = Extract<NonNullable<SageMakerClientConfig['requestHandler']>, { handle: unknown }>;

/** Hands each request to the recording handler of the call that holds the client. */
class DispatchingRequestHandler extends RecordingRequestHandler {
  target: RecordingRequestHandler | undefined;

  override handle(...args: Parameters<RecordingRequestHandler['handle']>): ReturnType<RecordingRequestHandler['handle']> {
    if (!this.target) throw new Error('A request reached a pooled recording SageMaker client that no call holds');
    return this.target.handle(...args);
  }
}

interface PooledClient {
  readonly client: SageMakerClient;
  readonly handler: DispatchingRequestHandler;
}

// Idle clients by region. Making a client and resolving its configuration on the first send costs about as
// much as serialising and signing a request; nothing of it differs from one builder to the next. For the same
// reason each client keeps the middleware stack it resolves for a command class (the SDK's cacheMiddleware):
// no call adds middleware of its own.
const idle = new Map<string, PooledClient[]>();

function take(region: string): PooledClient {
  const pooled = idle.get(region)?.pop();
  if (pooled) return pooled;
  const handler = new DispatchingRequestHandler();
  const client = new SageMakerClient({
    region,
    credentials: MOCK_CREDENTIALS,
    requestHandler: handler as SdkHttpHandler,
    maxAttempts: 1,
    cacheMiddleware: true,
  });
  return { client, handler };
}

/**
 * Runs `send` with a real SageMakerClient for the region whose requests, serialised and signed by the SDK,
 * are recorded by `recorder` and answered in process; nothing leaves the process. The client is lent for the
 * call only (concurrent calls get different clients) and reused by later calls.
 */
export async function withRecordingClient<T>(region: string, recorder: RecordingRequestHandler, send: (client: SageMakerClient) => Promise<T>): Promise<T> {
  const pooled = take(region);
  pooled.handler.target = recorder;
  try {
    return await send(pooled.client);
  } finally {
    pooled.handler.target = undefined;
    let free = idle.get(region);
    if (!free) idle.set(region, (free = []));
    free.push(pooled);
  }
}
