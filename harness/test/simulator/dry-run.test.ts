import {
  CreateModelCommand,
  CreatePipelineCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type { PipelineDefinition, PipelineStepDefinition } from '@stepscore/step-builder';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckContext } from '../../src/context/check-context.js';
import { assemblePipeline } from '../../src/catalogue/assemble-pipeline.js';
import { dryRun } from '../../src/simulator/dry-run.js';
import { createMockBackend, type MockIntegrationBackend } from '../../src/backends/mock-backend.js';
import { findExpressions } from '../../src/simulator/pipeline-expressions.js';
import { builderRegistry, realBuilder } from '../support/broken-builders.js';
import { expectNoNetwork } from '../support/no-network.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const OPTIONS = { pipelineName: 'test-pipeline', roleArn: ROLE, region: 'us-east-1' };

let backends: MockIntegrationBackend[] = [];
async function mockBackend(): Promise<MockIntegrationBackend> {
  const backend = await createMockBackend('us-east-1');
  backends.push(backend);
  return backend;
}
/** The mock backend, but one that takes any definition: these tests are about what the dry run finds itself. */
async function permissiveBackend(): Promise<MockIntegrationBackend> {
  const backend = await mockBackend();
  return {
    ...backend,
    createPipeline: async () => {},
    startPipelineExecution: async (name) => `arn:aws:sagemaker:us-east-1:123456789012:pipeline/${name}/execution/mock0001`,
  };
}

afterEach(async () => {
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

function definitionOf(...steps: PipelineStepDefinition[]): PipelineDefinition {
  return {
    Version: '2020-12-01',
    Metadata: {},
    Parameters: [
      { Name: 'Bucket', Type: 'String', DefaultValue: 'bucket' },
      { Name: 'NoDefault', Type: 'String' },
    ],
    Steps: steps,
  };
}

const training = (name: string, inputUri: unknown, extra: Record<string, unknown> = {}): PipelineStepDefinition => ({
  Name: name,
  Type: 'Training',
  Arguments: {
    AlgorithmSpecification: { TrainingImage: 'image', TrainingInputMode: 'File' },
    RoleArn: ROLE,
    OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: inputUri } } }],
    ...extra,
  },
});

const processing = (name: string): PipelineStepDefinition => ({
  Name: name,
  Type: 'Processing',
  Arguments: {
    ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } },
    AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3' },
    RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
    ProcessingOutputConfig: {
      Outputs: [{ OutputName: 'data', S3Output: { S3Uri: 's3://bucket/processed', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } }],
    },
  },
});

describe('dryRun', () => {
  expectNoNetwork();

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('runs the pipeline assembled around %s with every reference resolved', async (name) => {
    const backend = await mockBackend();
    const builder = new CheckContext({ registration: realBuilder(name), registry: builderRegistry, backendFactory: createMockBackend }).builder();
    const pipeline = await assemblePipeline(builder);
    const result = await dryRun(backend, pipeline.definition, OPTIONS);

    expect(result.unresolved).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.order).toEqual(pipeline.definition.Steps.map((s) => s.Name));
    for (const run of result.runs.values()) {
      expect(run.status).toBe('Succeeded');
      expect(findExpressions(run.arguments)).toEqual([]);
    }
    const job = result.runs.get(name);
    const artifacts = (job!.response as { ModelArtifacts?: { S3ModelArtifacts?: string } }).ModelArtifacts?.S3ModelArtifacts;
    expect(artifacts).toMatch(/^s3:\/\/.+\/model\.tar\.gz$/);
    const model = result.runs.get('ModelServing');
    expect((model!.arguments['PrimaryContainer'] as { ModelDataUrl: unknown }).ModelDataUrl).toBe(artifacts);
    expect(result.servedByMock).toEqual([]);

    const creates = backend.sent.inputsOf(CreatePipelineCommand);
    expect(creates).toHaveLength(1);
    expect(JSON.parse(creates[0]!.PipelineDefinition ?? '')).toEqual(JSON.parse(JSON.stringify(pipeline.definition)));
    expect(backend.sent.inputsOf(StartPipelineExecutionCommand)).toHaveLength(1);
    const jobs = backend.sent.inputsOf(CreateTrainingJobCommand);
    expect(jobs).toHaveLength(1);
    expect(backend.sent.inputsOf(CreateProcessingJobCommand)).toHaveLength(pipeline.definition.Steps.filter((s) => s.Type === 'Processing').length);
    expect(backend.sent.inputsOf(CreateModelCommand)).toHaveLength(1);
    const request = jobs[0]!;
    expect(request.TrainingJobName).toBe(job?.jobName);
    expect(request.TrainingJobName).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/);
    expect(request.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toMatch(/^s3:\/\/.+data_preparation_training\/processed_data/);
  });

  it('reads list items by name, joins values and answers execution variables and parameters', async () => {
    const definition = definitionOf(
      processing('Prep'),
      training('Train', {
        'Std:Join': {
          On: '/',
          Values: [
            { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri" },
            { Get: 'Execution.PipelineExecutionId' },
            { Get: 'Parameters.Bucket' },
          ],
        },
      }),
    );
    const result = await dryRun(await mockBackend(), definition, OPTIONS);
    expect(result.unresolved).toEqual([]);
    const channel = (result.runs.get('Train')!.arguments['InputDataConfig'] as { DataSource: { S3DataSource: { S3Uri: unknown } } }[])[0];
    expect(channel?.DataSource.S3DataSource.S3Uri).toBe('s3://bucket/processed/mock0001/bucket');
  });

  it('reports a reference to a property the response does not have, and the steps it keeps from running', async () => {
    const definition = definitionOf(
      training('Train', 's3://bucket/in'),
      training('Retrain', { Get: 'Steps.Train.ModelArtifacts.S3Uri' }),
      training('Third', { Get: 'Steps.Retrain.ModelArtifacts.S3ModelArtifacts' }),
    );
    const result = await dryRun(await permissiveBackend(), definition, OPTIONS);
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        step: 'Retrain',
        at: 'Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri',
        expression: { Get: 'Steps.Train.ModelArtifacts.S3Uri' },
        reason: expect.stringContaining('the response has no value at ModelArtifacts.S3Uri'),
      }),
      expect.objectContaining({ step: 'Third', reason: expect.stringContaining("step 'Retrain' failed") }),
    ]);
    expect(result.runs.get('Train')?.status).toBe('Succeeded');
    expect(result.runs.get('Retrain')?.status).toBe('Failed');
  });

  it('reports references it cannot answer: unknown steps, parameters without a value, JsonGet, structures', async () => {
    const definition = definitionOf(
      processing('Prep'),
      training(
        'Train',
        { Get: 'Steps.Missing.ModelArtifacts.S3ModelArtifacts' },
        {
          Environment: {
            A: { Get: 'Parameters.NoDefault' },
            B: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Prep.PropertyFiles.Report' }, Path: 'x' } },
            C: { Get: 'Steps.Prep.ProcessingOutputConfig' },
            D: { Get: 'Execution.Nonsense' },
          },
        },
      ),
    );
    const result = await dryRun(await permissiveBackend(), definition, OPTIONS);
    const reasons = result.unresolved.map((u) => `${u.at}: ${u.reason}`);
    expect(reasons).toEqual([
      "Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri: there is no step 'Missing' in the pipeline",
      "Arguments.Environment.A: parameter 'NoDefault' has no default value and the execution gave none",
      "Arguments.Environment.B: Std:JsonGet reads a property file's contents, which a dry run does not have",
      'Arguments.Environment.C: Steps.Prep.ProcessingOutputConfig is a structure, not a value',
      "Arguments.Environment.D: there is no execution variable 'Nonsense'",
    ]);
    expect(result.problems).toContain("Step 'Train' depends on 'Missing', which is not a step of the pipeline");
  });

  it('runs steps in dependency order, not definition order, and reports cycles', async () => {
    const ordered = await dryRun(
      await permissiveBackend(),
      definitionOf(training('Second', { Get: 'Steps.First.ModelArtifacts.S3ModelArtifacts' }), training('First', 's3://b/in')),
      OPTIONS,
    );
    expect(ordered.order).toEqual(['First', 'Second']);
    expect(ordered.unresolved).toEqual([]);

    const cyclic = await dryRun(
      await permissiveBackend(),
      definitionOf(training('A', { Get: 'Steps.B.ModelArtifacts.S3ModelArtifacts' }), training('B', { Get: 'Steps.A.ModelArtifacts.S3ModelArtifacts' })),
      { ...OPTIONS, pipelineName: 'cyclic' },
    );
    expect(cyclic.order).toEqual([]);
    expect(cyclic.problems).toEqual(["Steps 'A', 'B' wait for each other in a cycle and can never run"]);
  });

  it('runs a Model step and a Transform step through their own create and describe operations', async () => {
    const backend = await mockBackend();
    const model: PipelineStepDefinition = {
      Name: 'Model',
      Type: 'Model',
      Arguments: { ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'i', ModelDataUrl: 's3://bucket/model.tar.gz' } },
    };
    const transform: PipelineStepDefinition = {
      Name: 'Batch',
      Type: 'Transform',
      Arguments: {
        ModelName: { Get: 'Steps.Model.ModelName' },
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in' } } },
        TransformOutput: { S3OutputPath: 's3://bucket/out' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      },
    };
    const result = await dryRun(backend, definitionOf(transform, model), OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.order).toEqual(['Model', 'Batch']);
    const modelName = result.runs.get('Model')?.jobName;
    expect(modelName).toBe('pipelines-mock0001-Model');
    expect(result.runs.get('Batch')?.arguments['ModelName']).toBe(modelName);
    expect(backend.sent.inputsOf(CreateModelCommand)[0]?.ModelName).toBe(modelName);
    expect(backend.sent.inputsOf(CreateTransformJobCommand)[0]).toMatchObject({
      TransformJobName: 'pipelines-mock0001-Batch',
      ModelName: modelName,
    });
    expect(result.runs.get('Batch')?.response).toMatchObject({ TransformJobStatus: 'Completed', TransformOutput: { S3OutputPath: 's3://bucket/out' } });
  });

  it('fails a step the backend refuses, and a step type SageMaker does not have', async () => {
    const backend = await permissiveBackend();
    const refusing = { ...backend, createJob: async () => Promise.reject(new Error('ValidationException: bad request')) };
    const result = await dryRun(refusing, definitionOf(training('Train', 's3://b/in'), { Name: 'Tune', Type: 'Tuning', Arguments: {} }), OPTIONS);
    expect(result.problems).toEqual([
      "Step 'Train' failed: the backend refused CreateTrainingJob: ValidationException: bad request",
      "Step 'Tune' failed: a dry run cannot execute a 'Tuning' step: SageMaker has no such step type",
    ]);
  });
});
