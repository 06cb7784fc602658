import { CreatePipelineCommand, CreateTrainingJobCommand, DescribePipelineCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingRequestHandler } from '../../src/backends/recording-request-handler.js';
import { MOCK_CREDENTIALS } from '../../src/mocks/mocked-s3.js';

describe('RecordingRequestHandler', () => {
  let client: SageMakerClient | undefined;
  afterEach(() => client?.destroy());

  function clientWith(handler: RecordingRequestHandler): SageMakerClient {
    client = new SageMakerClient({ region: 'eu-west-1', credentials: MOCK_CREDENTIALS, requestHandler: handler.asRequestHandler(), maxAttempts: 1 });
    return client;
  }

  it('records the serialised request and answers so the SDK can read the reply', async () => {
    const handler = new RecordingRequestHandler();
    const out = await clientWith(handler).send(
      new CreatePipelineCommand({ PipelineName: 'p', PipelineDefinition: '{"Version":"2020-12-01"}', RoleArn: 'arn:aws:iam::123456789012:role/r' }),
    );
    expect(out.PipelineArn).toMatch(/^arn:aws:sagemaker:.*:pipeline\//);
    expect(handler.requests).toHaveLength(1);
    const [request] = handler.requests;
    expect(request).toMatchObject({ target: 'SageMaker.CreatePipeline', method: 'POST', path: '/', contentType: 'application/x-amz-json-1.1' });
    expect(request?.body).toMatchObject({ PipelineName: 'p', PipelineDefinition: '{"Version":"2020-12-01"}', RoleArn: 'arn:aws:iam::123456789012:role/r' });
    expect(JSON.parse(request?.rawBody ?? '')).toEqual(request?.body);
  });

  it('shows what the serialiser drops: members the SDK model does not know never reach the wire', async () => {
    const handler = new RecordingRequestHandler();
    const request = { TrainingJobName: 'j', RoleArn: 'arn:aws:iam::123456789012:role/r', NotAMember: 'x' };
    await clientWith(handler).send(new CreateTrainingJobCommand(request as never));
    const [sent] = handler.sent('SageMaker.CreateTrainingJob');
    expect(sent?.body).toEqual({ TrainingJobName: 'j', RoleArn: 'arn:aws:iam::123456789012:role/r' });
  });

  it('answers operations it has no canned reply for with an empty object, and keeps them apart by target', async () => {
    const handler = new RecordingRequestHandler();
    const out = await clientWith(handler).send(new DescribePipelineCommand({ PipelineName: 'p' }));
    expect(out.PipelineName).toBeUndefined();
    expect(handler.sent('SageMaker.DescribePipeline')).toHaveLength(1);
    expect(handler.sent('SageMaker.CreatePipeline')).toHaveLength(0);
  });
});
