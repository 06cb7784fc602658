import type { SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { SageMakerClient } from '../aws/sagemaker-client.js';
import { MOCK_CREDENTIALS } from '../mocks/mocked-s3.js';
import { RecordingRequestHandler } from './recording-request-handler.js';

type SdkHttpAuthScheme = NonNullable<SageMakerClientConfig['httpAuthSchemes']>[number];

// The requests never leave the process, so they are not signed: signing hashes each body (a whole pipeline
// definition, about a third of a send's time) for nothing a check reads. The scheme keeps SigV4's id, which is
// the one the client's auth-scheme provider asks for, with no identity and a signer that leaves the request as it is.
const UNSIGNED_SIGV4: SdkHttpAuthScheme = {
  schemeId: 'aws.auth#sigv4',
  identityProvider: () => async () => ({}),
  signer: { sign: async (request) => request },
};

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

// Middleware whose work nothing here reads: headers (the SDK's user agent, the trace id of a Lambda it runs in; the
// user agent alone was a sixth of a send) and the logger's copy of every request with its sensitive members masked,
// made for the client's logger, which logs nothing. The body, the target and the content type are untouched.
export const UNREAD_MIDDLEWARE = ['getUserAgentMiddleware', 'recursionDetectionMiddleware', 'loggerMiddleware'] as const;

// Idle clients by region. Making a client and resolving its configuration on the first send costs about as
// much as serialising a request; nothing of it differs from one builder to the next. For the same
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
    httpAuthSchemes: [UNSIGNED_SIGV4],
  });
  for (const name of UNREAD_MIDDLEWARE) client.middlewareStack.remove(name);
  return { client, handler };
}

/**
 * Runs `send` with a real SageMakerClient for the region whose requests, serialised by the SDK (not signed),
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
