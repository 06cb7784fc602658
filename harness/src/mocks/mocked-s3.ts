import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { S3ArtifactStore } from './s3-artifact-store.js';

export const MOCK_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface UploadedObject {
  readonly s3Uri: string;
  readonly body: string;
  readonly contentType: string | undefined;
}

/** An S3 client whose PutObject is answered in process; every upload is recorded. */
export function createMockedS3(region: string) {
  const client = new S3Client({ region, credentials: MOCK_CREDENTIALS });
  const mock = mockClient(client);
  mock.on(PutObjectCommand).resolves({ ETag: '"stepscore-mock"' });
  const uploads = (): UploadedObject[] =>
    mock.commandCalls(PutObjectCommand).map((call) => {
      const input = call.args[0].input;
      return { s3Uri: `s3://${input.Bucket}/${input.Key}`, body: String(input.Body), contentType: input.ContentType };
    });
  return { client, mock, store: new S3ArtifactStore(client), uploads };
}
