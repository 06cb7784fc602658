// The S3 client classes the mocked S3 store constructs, loaded with require for the reason sagemaker-client.ts
// gives (an `import` of this CommonJS package costs about 0.045 s of CPU more). The same module objects `import`
// gives.
import { createRequire } from 'node:module';
import type * as S3Sdk from '@aws-sdk/client-s3';

const s3Sdk = createRequire(import.meta.url)('@aws-sdk/client-s3') as typeof S3Sdk;

export const { S3Client, PutObjectCommand } = s3Sdk;

export type S3Client = S3Sdk.S3Client;
