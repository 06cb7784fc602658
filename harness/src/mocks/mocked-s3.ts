import { PutObjectCommand, S3Client } from '../aws/s3-client.js';
import type { ArtifactStore } from '@stepscore/step-builder';
import { answerInProcess } from './answer-in-process.js';
import { S3ArtifactStore } from './s3-artifact-store.js';

export const MOCK_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface UploadedObject {
  readonly s3Uri: string;
  readonly body: string;
  readonly contentType: string | undefined;
}

export interface MockedS3 {
  /** Made on first use: most builders never write a file. */
  readonly client: S3Client;
  /** Writes through the mocked client. */
  readonly store: ArtifactStore;
  /** Every PutObject sent, in order. */
  uploads(): UploadedObject[];
  /** Done with: the mocked client, when one was made, goes to the next context that needs one. */
  restore(): void;
}

interface MockedS3Client {
  readonly client: S3Client;
  /** Every PutObject sent since the client was made or reused, in order. */
  readonly sent: UploadedObject[];
  readonly store: S3ArtifactStore;
}

// Released mocked clients by region, handed to the next context that writes a file.
const released = new Map<string, MockedS3Client[]>();

function mockedS3Client(region: string): MockedS3Client {
  const reused = released.get(region)?.pop();
  if (reused) {
    reused.sent.length = 0;
    return reused;
  }
  const client = new S3Client({ region, credentials: MOCK_CREDENTIALS });
  const sent: UploadedObject[] = [];
  answerInProcess(client, (command) => {
    if (!(command instanceof PutObjectCommand)) return undefined;
    const input = command.input;
    sent.push({ s3Uri: `s3://${input.Bucket}/${input.Key}`, body: String(input.Body), contentType: input.ContentType });
    return { ETag: '"stepscore-mock"' };
  });
  return { client, sent, store: new S3ArtifactStore(client) };
}

/**
 * An S3 client whose PutObject is answered in process; every upload is recorded. The mocked client is made
 * on first use (most builders never write a file) and released by `restore()` for another to reuse.
 */
export function createMockedS3(region: string): MockedS3 {
  let made: MockedS3Client | undefined;
  let restored = false;
  const make = (): MockedS3Client => {
    if (restored) throw new Error('This mocked S3 client was restored; make a new one with createMockedS3');
    made ??= mockedS3Client(region);
    return made;
  };
  return {
    get client() {
      return make().client;
    },
    store: { put: async (s3Uri, body, contentType) => make().store.put(s3Uri, body, contentType) },
    uploads: () => (made ? [...made.sent] : []),
    restore: () => {
      if (restored) return;
      restored = true;
      if (!made) return;
      let idle = released.get(region);
      if (!idle) released.set(region, (idle = []));
      idle.push(made);
    },
  };
}
