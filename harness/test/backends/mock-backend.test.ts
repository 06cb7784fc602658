import { CreatePipelineCommand, DescribePipelineCommand } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { expectNoNetwork } from '../support/no-network.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

describe('createMockBackend', () => {
  expectNoNetwork();

  it('answers through aws-sdk-client-mock and records what each backend sent', async () => {
    const backend = await createMockBackend('us-east-1');
    await backend.createPipeline({ name: 'p1', definition: '{"Version":"2020-12-01"}', roleArn: ROLE });
    expect(await backend.describePipelineDefinition('p1')).toBe('{"Version":"2020-12-01"}');
    await expect(backend.describePipelineDefinition('missing')).rejects.toThrow('Pipeline missing does not exist');
    expect(backend.sageMakerMock.commandCalls(CreatePipelineCommand)).toHaveLength(1);
    expect(backend.sageMakerMock.commandCalls(DescribePipelineCommand)).toHaveLength(2);
    await backend.close();
  });

  it('hands a closed backend’s client to the next backend of its region with no state and no recorded calls', async () => {
    const first = await createMockBackend('eu-west-1');
    await first.createPipeline({ name: 'kept', definition: '{}', roleArn: ROLE });
    const firstMock = first.sageMakerMock;
    await first.close();
    // What the closed backend sent stays readable until another takes its client.
    expect(firstMock.commandCalls(CreatePipelineCommand)).toHaveLength(1);

    const second = await createMockBackend('eu-west-1');
    expect(second.sageMakerMock).toBe(firstMock);
    expect(second.sageMakerMock.commandCalls(CreatePipelineCommand)).toHaveLength(0);
    await expect(second.describePipelineDefinition('kept')).rejects.toThrow('Pipeline kept does not exist');
    await second.close();
  });

  it('keeps backends open at the same time apart, and refuses use after close', async () => {
    const a = await createMockBackend('us-west-2');
    const b = await createMockBackend('us-west-2');
    expect(a.sageMakerMock).not.toBe(b.sageMakerMock);
    await a.createPipeline({ name: 'only-in-a', definition: '{}', roleArn: ROLE });
    await expect(b.describePipelineDefinition('only-in-a')).rejects.toThrow('does not exist');
    await a.close();
    await a.close();
    await expect(a.describePipelineDefinition('only-in-a')).rejects.toThrow('This mock backend was closed');
    await b.close();
    // Closing twice released the client once: two new backends get two different clients.
    const c = await createMockBackend('us-west-2');
    const d = await createMockBackend('us-west-2');
    expect(c.sageMakerMock).not.toBe(d.sageMakerMock);
    await Promise.all([c.close(), d.close()]);
  });
});
