import { PutObjectCommand, type S3Client } from '../aws/s3-client.js';
import { type ArtifactStore, splitS3Uri } from '@stepscore/step-builder';

/** Writes a builder's generated files through a real S3 client (mocked or pointed at an emulator). */
export class S3ArtifactStore implements ArtifactStore {
  constructor(private readonly client: S3Client) {}

  async put(s3Uri: string, body: string, contentType: string): Promise<void> {
    const { bucket, key } = splitS3Uri(s3Uri);
    await this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  }
}
