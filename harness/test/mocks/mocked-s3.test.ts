import { describe, expect, it } from 'vitest';
import { createMockedS3 } from '../../src/mocks/mocked-s3.js';
import { expectNoNetwork } from '../support/no-network.js';

describe('createMockedS3', () => {
  expectNoNetwork();

  it('records every upload through the mocked client, and makes no client until one is written', async () => {
    const s3 = createMockedS3('us-east-1');
    expect(s3.uploads()).toEqual([]);
    await s3.store.put('s3://bucket/a/hyperparameters.json', '{"x":1}', 'application/json');
    await s3.store.put('s3://bucket/b.txt', 'text', 'text/plain');
    expect(s3.uploads()).toEqual([
      { s3Uri: 's3://bucket/a/hyperparameters.json', body: '{"x":1}', contentType: 'application/json' },
      { s3Uri: 's3://bucket/b.txt', body: 'text', contentType: 'text/plain' },
    ]);
    s3.restore();
  });

  it('gives a restored client to the next one that writes, with its recorded uploads cleared', async () => {
    const first = createMockedS3('ap-northeast-1');
    await first.store.put('s3://bucket/first.json', '{}', 'application/json');
    const client = first.client;
    first.restore();
    await expect(first.store.put('s3://bucket/late.json', '{}', 'application/json')).rejects.toThrow('was restored');

    const second = createMockedS3('ap-northeast-1');
    await second.store.put('s3://bucket/second.json', '{}', 'application/json');
    expect(second.client).toBe(client);
    expect(second.uploads().map((u) => u.s3Uri)).toEqual(['s3://bucket/second.json']);
    second.restore();
  });
});
