import { CreatePipelineCommand, DescribePipelineCommand } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { expectNoNetwork } from '../support/no-network.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const EMPTY = '{"Version":"2020-12-01","Steps":[]}';
const BUCKET = 's3://bucket/p';

const processingStep = (name: string, outputName = 'features') => ({
  Name: name,
  Type: 'Processing',
  Arguments: {
    ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } },
    AppSpecification: { ImageUri: 'image' },
    RoleArn: ROLE,
    ProcessingOutputConfig: {
      Outputs: [{ OutputName: outputName, S3Output: { S3Uri: `${BUCKET}/${outputName}`, LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }],
    },
  },
});

const definitionOf = (...steps: unknown[]) => JSON.stringify({ Version: '2020-12-01', Parameters: [], Steps: steps });

describe('createMockBackend', () => {
  expectNoNetwork();

  it('answers in process and records what each backend sent', async () => {
    const backend = await createMockBackend('us-east-1');
    await backend.createPipeline({ name: 'p1', definition: EMPTY, roleArn: ROLE });
    expect(await backend.describePipelineDefinition('p1')).toBe(EMPTY);
    await expect(backend.describePipelineDefinition('missing')).rejects.toThrow('Pipeline missing does not exist');
    expect(backend.sent.inputsOf(CreatePipelineCommand)).toHaveLength(1);
    expect(backend.sent.inputsOf(DescribePipelineCommand)).toHaveLength(2);
    await backend.close();
  });

  it('hands a closed backend’s client to the next backend of its region with no state and no recorded calls', async () => {
    const first = await createMockBackend('eu-west-1');
    await first.createPipeline({ name: 'kept', definition: EMPTY, roleArn: ROLE });
    const firstSent = first.sent;
    await first.close();
    // What the closed backend sent stays readable until another takes its client.
    expect(firstSent.inputsOf(CreatePipelineCommand)).toHaveLength(1);

    const second = await createMockBackend('eu-west-1');
    expect(second.sent).toBe(firstSent);
    expect(second.sent.inputsOf(CreatePipelineCommand)).toHaveLength(0);
    await expect(second.describePipelineDefinition('kept')).rejects.toThrow('Pipeline kept does not exist');
    await second.close();
  });

  it('keeps backends open at the same time apart, and refuses use after close', async () => {
    const a = await createMockBackend('us-west-2');
    const b = await createMockBackend('us-west-2');
    expect(a.sent).not.toBe(b.sent);
    await a.createPipeline({ name: 'only-in-a', definition: EMPTY, roleArn: ROLE });
    await expect(b.describePipelineDefinition('only-in-a')).rejects.toThrow('does not exist');
    await a.close();
    await a.close();
    await expect(a.describePipelineDefinition('only-in-a')).rejects.toThrow('This mock backend was closed');
    await b.close();
    // Closing twice released the client once: two new backends get two different clients.
    const c = await createMockBackend('us-west-2');
    const d = await createMockBackend('us-west-2');
    expect(c.sent).not.toBe(d.sent);
    await Promise.all([c.close(), d.close()]);
  });

  it('refuses a definition that SageMaker refuses, saying why', async () => {
    const backend = await createMockBackend('us-east-1');
    const refused = (definition: string) => backend.createPipeline({ name: `p${Math.random().toString(36).slice(2, 8)}`, definition, roleArn: ROLE });
    await expect(refused('{"Version": ')).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('PipelineDefinition is not JSON'),
    });
    await expect(refused('{"Version":"2020-12-01"}')).rejects.toThrow('PipelineDefinition has no Steps list');
    await expect(refused(definitionOf({ ...processingStep('A'), Type: 'Tuning' }))).rejects.toThrow(
      "Step 'A' has Type 'Tuning', which is not a step type (Training, Processing, Transform, Model)",
    );
    await expect(refused(definitionOf(processingStep('A'), processingStep('A')))).rejects.toThrow("Step name 'A' is used by more than one step");
    const training = {
      Name: 'T',
      Type: 'Training',
      Arguments: {
        AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'Sideways' },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputPath: BUCKET },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 60 },
      },
    };
    await expect(refused(definitionOf(training))).rejects.toThrow(/Step 'T' Arguments breaks the service model: .*AlgorithmSpecification\.TrainingInputMode/);
    const model = {
      Name: 'M',
      Type: 'Model',
      Arguments: {
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: 'i', ModelDataUrl: { Get: "Steps.A.ProcessingOutputConfig.Outputs['features'].S3Output.S3Urii" } },
      },
    };
    await expect(refused(definitionOf(processingStep('A'), model))).rejects.toThrow('is not a property of DescribeProcessingJobResponse');
    await expect(
      refused(
        definitionOf({
          ...model,
          Arguments: { ...model.Arguments, PrimaryContainer: { Image: 'i', ModelDataUrl: { Get: 'Steps.Gone.ModelArtifacts.S3ModelArtifacts' } } },
        }),
      ),
    ).rejects.toThrow("but the pipeline has no step 'Gone'");
    await expect(refused(definitionOf(processingStep('A'), { ...processingStep('B', 'other'), DependsOn: ['A', 'Gone'] }))).rejects.toThrow(
      "Step 'B' DependsOn 'Gone', which is not a step of the pipeline",
    );
    await expect(refused(definitionOf({ ...processingStep('A'), DependsOn: 'B' }))).rejects.toThrow(
      "Step 'A' has a DependsOn that is not a list of step names",
    );
    await expect(refused(definitionOf(processingStep('A'), { ...processingStep('B', 'other'), DependsOn: ['A'] }))).resolves.toBeUndefined();
    await expect(refused(definitionOf(processingStep('A')))).resolves.toBeUndefined();
    await backend.close();
  });

  it('creates and describes a job of every kind, as SageMaker reports it once complete', async () => {
    const backend = await createMockBackend('eu-west-1');
    const { Arguments: processing } = processingStep('A');
    await backend.createJob('Processing', { ...processing, ProcessingJobName: 'proc-1' });
    expect(await backend.describeJob('Processing', 'proc-1')).toMatchObject({
      ProcessingJobName: 'proc-1',
      ProcessingJobArn: 'arn:aws:sagemaker:eu-west-1:123456789012:processing-job/proc-1',
      ProcessingJobStatus: 'Completed',
      ProcessingOutputConfig: processing.ProcessingOutputConfig,
    });
    await backend.createJob('Training', {
      TrainingJobName: 'Train-1',
      AlgorithmSpecification: { TrainingImage: 'i', TrainingInputMode: 'File' },
      RoleArn: ROLE,
      OutputDataConfig: { S3OutputPath: `${BUCKET}/` },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    });
    expect(await backend.describeJob('Training', 'Train-1')).toMatchObject({
      TrainingJobArn: 'arn:aws:sagemaker:eu-west-1:123456789012:training-job/train-1',
      ModelArtifacts: { S3ModelArtifacts: `${BUCKET}/Train-1/output/model.tar.gz` },
      TrainingJobStatus: 'Completed',
    });
    await backend.createJob('CreateModel', {
      ModelName: 'model-1',
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: 'i', ModelDataUrl: `${BUCKET}/model.tar.gz` },
    });
    expect(await backend.describeJob('CreateModel', 'model-1')).toMatchObject({
      ModelName: 'model-1',
      ModelArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model/model-1',
    });
    await backend.createJob('Transform', {
      TransformJobName: 'tj-1',
      ModelName: 'model-1',
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: BUCKET } } },
      TransformOutput: { S3OutputPath: `${BUCKET}/out` },
      TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
    });
    expect(await backend.describeJob('Transform', 'tj-1')).toMatchObject({
      TransformJobStatus: 'Completed',
      TransformOutput: { S3OutputPath: `${BUCKET}/out` },
    });
    await expect(backend.describeJob('Transform', 'tj-2')).rejects.toThrow('TransformJobName tj-2 does not exist');
    await expect(backend.createJob('CreateModel', { ModelName: 'model-1', PrimaryContainer: {} })).rejects.toThrow('ModelName model-1 already exists');
    await expect(backend.createJob('Processing', { ...processing })).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'CreateProcessingJob needs ProcessingJobName',
    });
    expect(backend.servedByMock()).toEqual([]);
    await backend.close();
  });
});
