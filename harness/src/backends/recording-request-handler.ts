import type { SageMakerClientConfig } from '@aws-sdk/client-sagemaker';

// The SDK's HttpHandler types, taken from the client's config so no transitive @smithy package is imported.
type SdkHttpHandler = Extract<NonNullable<SageMakerClientConfig['requestHandler']>, { handle: unknown }>;
type SdkHttpRequest = Parameters<SdkHttpHandler['handle']>[0];
type SdkHttpResponse = Awaited<ReturnType<SdkHttpHandler['handle']>>['response'];

/** One request exactly as the SDK serialised it. */
export interface RecordedRequest {
  /** From the `X-Amz-Target` header, e.g. `SageMaker.CreatePipeline`. */
  readonly target: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  /** The body as sent. */
  readonly rawBody: string;
  /** The body parsed as JSON; `undefined` when it is not JSON. */
  readonly body: unknown;
}

/** Minimal valid answers (awsJson1_1 bodies) for the operations the wire check sends. */
const CANNED_ANSWERS: Readonly<Record<string, unknown>> = {
  'SageMaker.CreatePipeline': { PipelineArn: 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/stepscore-wire' },
  'SageMaker.CreateTrainingJob': { TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/stepscore-wire' },
  'SageMaker.CreateProcessingJob': { ProcessingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:processing-job/stepscore-wire' },
  'SageMaker.CreateTransformJob': { TransformJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:transform-job/stepscore-wire' },
  'SageMaker.CreateModel': { ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/stepscore-wire' },
};

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error(`the request body is a ${typeof body} the recording handler cannot read (a stream?)`);
}

/**
 * An in-process request handler for a real SDK client: nothing leaves the process. It records each request
 * after the SDK has serialised it, and answers with a canned JSON response (`{}` for operations
 * it has no answer for).
 */
export class RecordingRequestHandler {
  readonly requests: RecordedRequest[] = [];

  async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
    const rawBody = bodyText(request.body);
    const target = header(request.headers, 'x-amz-target');
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    this.requests.push({ target, method: request.method, path: request.path, contentType: header(request.headers, 'content-type'), rawBody, body });
    const answer = new TextEncoder().encode(JSON.stringify((target && CANNED_ANSWERS[target]) ?? {}));
    return {
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(answer.byteLength), 'x-amzn-requestid': 'stepscore-wire' },
        body: answer,
      },
    };
  }

  /** The requests sent for one operation target, in order. */
  sent(target: string): RecordedRequest[] {
    return this.requests.filter((r) => r.target === target);
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  /** This handler as the client config's `requestHandler` (type-checked against the SDK's HttpHandler). */
  asRequestHandler(): SdkHttpHandler {
    return this;
  }
}
