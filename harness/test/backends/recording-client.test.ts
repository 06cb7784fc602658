import { CreatePipelineCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { UNREAD_MIDDLEWARE, withRecordingClient } from '../../src/backends/recording-client.js';
import { RecordingRequestHandler } from '../../src/backends/recording-request-handler.js';
import { expectNoNetwork } from '../support/no-network.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const send = (name: string) => async (client: Parameters<Parameters<typeof withRecordingClient>[2]>[0]) => {
  await client.send(new CreatePipelineCommand({ PipelineName: name, PipelineDefinition: '{}', RoleArn: ROLE }));
  // Give an overlapping call the chance to send in between.
  await new Promise((resolve) => setImmediate(resolve));
  await client.send(new CreatePipelineCommand({ PipelineName: `${name}-again`, PipelineDefinition: '{}', RoleArn: ROLE }));
};

/** Records the headers of every request it is handed, besides what RecordingRequestHandler records. */
class HeaderRecorder extends RecordingRequestHandler {
  constructor(private readonly headers: Record<string, string>[]) {
    super();
  }

  override handle(...args: Parameters<RecordingRequestHandler['handle']>): ReturnType<RecordingRequestHandler['handle']> {
    this.headers.push(args[0].headers);
    return super.handle(...args);
  }
}

describe('withRecordingClient', () => {
  expectNoNetwork();

  it('records the serialised requests of each call with its own recorder, overlapping calls included', async () => {
    const a = new RecordingRequestHandler();
    const b = new RecordingRequestHandler();
    await Promise.all([withRecordingClient('us-east-1', a, send('a')), withRecordingClient('us-east-1', b, send('b'))]);
    const names = (recorder: RecordingRequestHandler) =>
      recorder.sent('SageMaker.CreatePipeline').map((r) => (r.body as { PipelineName: string }).PipelineName);
    expect(names(a)).toEqual(['a', 'a-again']);
    expect(names(b)).toEqual(['b', 'b-again']);
    expect(a.requests[0]?.contentType).toBe('application/x-amz-json-1.1');
  });

  it('sends the request unsigned: nothing leaves the process, so no body is hashed for a signature', async () => {
    const headers: Record<string, string>[] = [];
    await withRecordingClient('us-east-1', new HeaderRecorder(headers), send('unsigned'));
    expect(headers).toHaveLength(2);
    for (const sent of headers) {
      const names = Object.keys(sent).map((name) => name.toLowerCase());
      expect(names).toContain('x-amz-target');
      expect(names).not.toContain('authorization');
      expect(names).not.toContain('x-amz-content-sha256');
    }
  });

  it('leaves out the middleware whose work nothing reads, which the SDK client names so (a renamed one would stay)', async () => {
    const stock = new SageMakerClient({ region: 'us-east-1' }).middlewareStack.identify().map((entry) => entry.split(' ')[0]);
    for (const name of UNREAD_MIDDLEWARE) expect(stock).toContain(name);
    const headers: Record<string, string>[] = [];
    await withRecordingClient('us-east-1', new HeaderRecorder(headers), send('plain'));
    const names = headers.flatMap((sent) => Object.keys(sent).map((name) => name.toLowerCase()));
    expect(names).toContain('content-type');
    expect(names).not.toContain('user-agent');
    expect(names).not.toContain('x-amz-user-agent');
  });

  it('reuses a region’s client for later calls', async () => {
    const clients = new Set<unknown>();
    for (let i = 0; i < 3; i++) await withRecordingClient('eu-west-1', new RecordingRequestHandler(), async (client) => void clients.add(client));
    expect(clients.size).toBe(1);
  });
});
