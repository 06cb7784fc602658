import type { DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';
import { BuilderRegistry } from '@stepscore/step-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { level4Checks } from '../../src/checks/level4-integration/index.js';
import { CheckContext } from '../../src/context/check-context.js';
import { assemblePipeline } from '../../src/catalogue/assemble-pipeline.js';
import { dryRun } from '../../src/simulator/dry-run.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import {
  createMotoBackend,
  createMotoBackendFactory,
  DEFINITION_NOTE,
  MOTO_BACKEND_NAME,
  type RunningMotoBackend,
  startMotoBackend,
} from '../../src/backends/moto-backend.js';
import { MOTO_ENDPOINT_ENV } from '../../src/backends/moto-server.js';
import { findStepsGets } from '../../src/simulator/pipeline-expressions.js';
import { valueAtPropertyPath } from '../../src/simulator/property-values.js';
import { runBuilder } from '../../src/runner/run-builder.js';
import { builderRegistry, realBuilder, withBuilderClass } from '../support/broken-builders.js';
import { WithMisspeltOutputPath } from '../support/serialisation-breaking-builders.js';
import { modelBuilder, processingBuilder, transformBuilder } from '../checks/level4-integration/step-type-builders.js';

const BUILDERS = ['PyTorchTraining', 'XGBoostTraining'] as const;
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

// A server of its own for this file, unless CI points every file at one with STEPSCORE_MOTO_ENDPOINT.
let moto: RunningMotoBackend;
beforeAll(async () => {
  moto = await startMotoBackend();
});
afterAll(async () => {
  await moto?.stop();
});

describe('the moto backend', () => {
  it('talks to moto_server on 127.0.0.1 with the real client', () => {
    expect(moto.server.endpoint).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
    expect(moto.name).toBe('moto');
  });

  it('round-trips a pipeline and a training job through moto', async () => {
    const backend = await moto.factory('eu-west-1');
    try {
      expect(backend.name).toBe(MOTO_BACKEND_NAME);
      const definition = JSON.stringify({ Version: '2020-12-01', Metadata: {}, Parameters: [], Steps: [] });
      await backend.createPipeline({ name: 'stepscore-moto-round-trip', definition, roleArn: ROLE });
      expect(await backend.describePipelineDefinition('stepscore-moto-round-trip')).toBe(definition);
      expect(await backend.startPipelineExecution('stepscore-moto-round-trip')).toMatch(
        /^arn:aws:sagemaker:eu-west-1:\d{12}:pipeline\/stepscore-moto-round-trip\/execution\/\w+$/,
      );

      await backend.createJob('Training', {
        TrainingJobName: 'stepscore-moto-job',
        AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310' },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputPath: 's3://stepscore-moto/out' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { epochs: '3' },
      });
      const described = (await backend.describeJob('Training', 'stepscore-moto-job')) as unknown as DescribeTrainingJobResponse;
      expect(described).toMatchObject({
        TrainingJobName: 'stepscore-moto-job',
        TrainingJobStatus: 'Completed',
        HyperParameters: { epochs: '3' },
        ModelArtifacts: { S3ModelArtifacts: 's3://stepscore-moto/out/stepscore-moto-job/output/model.tar.gz' },
      });
      // moto's own answer, not the mock's: it adds a metric definition and timestamps it made itself.
      expect(described.AlgorithmSpecification?.MetricDefinitions).toEqual([expect.objectContaining({ Name: 'test:dcg' })]);
      expect(described.CreationTime).toBeInstanceOf(Date);
    } finally {
      await backend.close();
    }
  });

  it("passes moto's errors on, naming the operation and the server", async () => {
    const backend = await moto.factory('us-east-1');
    try {
      await expect(backend.describeJob('Training', 'stepscore-no-such-job')).rejects.toThrow(
        new RegExp(
          `^DescribeTrainingJob on moto_server at ${moto.server.endpoint.replace(/\./g, '\\.')} failed: ValidationException: Could not find training job`,
        ),
      );
    } finally {
      await backend.close();
    }
  });

  it('gives every backend its own moto account, so runs on one server never see each other', async () => {
    const [first, second] = await Promise.all([moto.factory('us-east-1'), moto.factory('us-east-1')]);
    try {
      const definition = JSON.stringify({ Version: '2020-12-01', Metadata: {}, Parameters: [], Steps: [] });
      await first.createPipeline({ name: 'stepscore-shared-name', definition, roleArn: ROLE });
      await second.createPipeline({ name: 'stepscore-shared-name', definition, roleArn: ROLE });
      await expect(first.createPipeline({ name: 'stepscore-shared-name', definition, roleArn: ROLE })).rejects.toThrow(/must be unique/);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('reports a stopped server as a failed call, not a hang', async () => {
    const backend = await createMotoBackend('http://127.0.0.1:9', 'us-east-1');
    try {
      await expect(backend.describePipelineDefinition('anything')).rejects.toThrow(
        /^DescribePipeline on moto_server at http:\/\/127\.0\.0\.1:9 failed: .*ECONNREFUSED/,
      );
    } finally {
      await backend.close();
    }
  });
});

describe.each(BUILDERS)('the Level 4 checks on moto for %s', (name) => {
  it('pass, and the results say the moto backend ran them', async () => {
    expect(level4Checks.length).toBeGreaterThan(0);
    const result = await runBuilder(realBuilder(name), builderRegistry, {
      checks: level4Checks,
      backendName: moto.name,
      backendFactory: moto.factory,
      checkTimeoutMs: 30_000,
    });
    expect(result.backend).toBe('moto');
    expect(result.checks.map((c) => c.id)).toEqual(level4Checks.map((c) => c.id));
    for (const check of result.checks) expect({ id: check.id, status: check.status, message: check.message }).toMatchObject({ status: 'pass' });
    // The execution moto started (its ids are 12 random characters; the mock's is mock0001).
    const dryRunCheck = result.checks.find((c) => c.id === 'level4.dry_run_execution');
    expect(dryRunCheck?.message).toMatch(/execution arn:aws:sagemaker:[a-z0-9-]+:\d{12}:pipeline\/[\w-]+\/execution\/[a-z0-9]{12} ran /);
    expect(result.checks.find((c) => c.id === 'level4.pipeline_round_trip')?.message).toContain('was accepted by the moto backend and round-trips');
    expect(dryRunCheck?.message).toContain('(served by mock: moto does not validate pipeline definitions, so the mock checked it)');
  });

  it("resolve the consumer's Get to the model artifacts moto's DescribeTrainingJob returns", async () => {
    const registration = realBuilder(name);
    const context = new CheckContext({ registration, registry: builderRegistry, backendFactory: moto.factory });
    try {
      const builder = context.builder();
      const pipeline = await assemblePipeline(builder);
      const backend = await context.backend();
      expect(backend.name).toBe('moto');
      const result = await dryRun(backend, pipeline.definition, { pipelineName: `stepscore-moto-${name}`, roleArn: builder.role, region: builder.awsRegion });
      expect(result.problems).toEqual([]);
      expect(result.unresolved).toEqual([]);

      const training = result.runs.get(pipeline.builderStep.Name);
      expect(training?.status).toBe('Succeeded');
      const described = training?.response as DescribeTrainingJobResponse | undefined;
      expect(described?.AlgorithmSpecification?.MetricDefinitions).toEqual([expect.objectContaining({ Name: 'test:dcg' })]);
      const artifacts = described?.ModelArtifacts?.S3ModelArtifacts;
      // moto's layout: <S3OutputPath>/<job name>/output/model.tar.gz, under the builder's output path.
      const outputPath = (pipeline.builderStep.Arguments['OutputDataConfig'] as { S3OutputPath: string }).S3OutputPath;
      expect(artifacts).toBe(`${outputPath.replace(/\/$/, '')}/${training?.jobName}/output/model.tar.gz`);

      // Where the model consumer's definition has `Get: Steps.<builder>.ModelArtifacts.S3ModelArtifacts`, its run has that value.
      const consumer = pipeline.consumers.find((c) => c.output.outputType === 'model_artifacts');
      const gets = findStepsGets(consumer?.definition.Arguments).filter((g) => g.stepName === pipeline.builderStep.Name);
      expect(gets.map((g) => g.path)).toEqual(['ModelArtifacts.S3ModelArtifacts']);
      const consumerRun = result.runs.get(consumer?.name ?? '');
      expect(consumerRun?.status).toBe('Succeeded');
      expect(valueAtPropertyPath(consumerRun?.arguments, gets[0]?.at as string)).toEqual({ ok: true, value: artifacts });
    } finally {
      await context.close();
    }
  });
});

describe('every job kind on moto', () => {
  it('creates and describes a processing job, a model and a transform job with moto itself', async () => {
    const backend = await moto.factory('us-east-1');
    try {
      await backend.createJob('Processing', {
        ProcessingJobName: 'stepscore-moto-processing',
        ProcessingResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 } },
        AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1' },
        RoleArn: ROLE,
        ProcessingOutputConfig: {
          Outputs: [
            { OutputName: 'features', S3Output: { S3Uri: 's3://stepscore-moto/features', LocalPath: '/opt/ml/processing/output', S3UploadMode: 'EndOfJob' } },
          ],
        },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      });
      expect(await backend.describeJob('Processing', 'stepscore-moto-processing')).toMatchObject({
        ProcessingJobName: 'stepscore-moto-processing',
        ProcessingJobArn: expect.stringMatching(/^arn:aws:sagemaker:us-east-1:\d{12}:processing-job\/stepscore-moto-processing$/),
        ProcessingOutputConfig: {
          Outputs: [expect.objectContaining({ OutputName: 'features', S3Output: expect.objectContaining({ S3Uri: 's3://stepscore-moto/features' }) })],
        },
      });
      await backend.createJob('CreateModel', {
        ModelName: 'stepscore-moto-model',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: 'image', ModelDataUrl: 's3://stepscore-moto/model.tar.gz' },
      });
      expect(await backend.describeJob('CreateModel', 'stepscore-moto-model')).toMatchObject({
        ModelName: 'stepscore-moto-model',
        ModelArn: expect.stringMatching(/:model\/stepscore-moto-model$/),
        PrimaryContainer: expect.objectContaining({ ModelDataUrl: 's3://stepscore-moto/model.tar.gz' }),
      });
      await backend.createJob('Transform', {
        TransformJobName: 'stepscore-moto-transform',
        ModelName: 'stepscore-moto-model',
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://stepscore-moto/in' } } },
        TransformOutput: { S3OutputPath: 's3://stepscore-moto/out' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      });
      expect(await backend.describeJob('Transform', 'stepscore-moto-transform')).toMatchObject({
        TransformJobName: 'stepscore-moto-transform',
        ModelName: 'stepscore-moto-model',
        TransformOutput: expect.objectContaining({ S3OutputPath: 's3://stepscore-moto/out' }),
      });
      expect(backend.servedByMock()).toEqual([DEFINITION_NOTE]);
    } finally {
      await backend.close();
    }
  });

  it.each([
    ['Processing', processingBuilder],
    ['CreateModel', modelBuilder],
    ['Transform', transformBuilder],
  ] as const)('runs every Level 4 check of a %s builder on moto, and they pass', async (_type, registration) => {
    const registry = new BuilderRegistry([...builderRegistry.all(), registration]);
    const result = await runBuilder(registration, registry, {
      checks: level4Checks,
      backendName: moto.name,
      backendFactory: moto.factory,
      checkTimeoutMs: 30_000,
    });
    for (const check of result.checks) expect({ id: check.id, status: check.status, message: check.message }).toMatchObject({ status: 'pass' });
    expect(result.checks.find((c) => c.id === 'level4.dry_run_execution')?.message).toMatch(
      /execution\/[a-z0-9]{12} ran .* on the moto backend \(served by mock: moto does not validate pipeline definitions, so the mock checked it\); every reference resolved/,
    );
  });

  it('hands an operation moto lacks to the in-process mock, and the check says so', async () => {
    const lacking = createMotoBackendFactory(moto.server.endpoint, { lacking: ['CreateTransformJob'] });
    const registry = new BuilderRegistry([...builderRegistry.all(), transformBuilder]);
    const result = await runBuilder(transformBuilder, registry, {
      checks: level4Checks,
      backendName: moto.name,
      backendFactory: lacking,
      checkTimeoutMs: 30_000,
    });
    const dryRunCheck = result.checks.find((c) => c.id === 'level4.dry_run_execution');
    expect(dryRunCheck?.status).toBe('pass');
    expect(dryRunCheck?.message).toContain(
      'on the moto backend (served by mock: moto does not validate pipeline definitions, so the mock checked it, moto lacks CreateTransformJob)',
    );
  });
});

describe('STEPSCORE_MOTO_ENDPOINT', () => {
  it('is honoured by startMotoBackend: nothing new is started and stop() leaves the server running', async () => {
    const previous = process.env[MOTO_ENDPOINT_ENV];
    process.env[MOTO_ENDPOINT_ENV] = moto.server.endpoint;
    try {
      const reused = await startMotoBackend();
      expect(reused.server.endpoint).toBe(moto.server.endpoint);
      expect(reused.server.pid).toBeUndefined();
      await reused.stop();
      const backend = await reused.factory('us-east-1');
      try {
        await expect(backend.describeJob('Training', 'stepscore-still-answering')).rejects.toThrow(/ValidationException/);
      } finally {
        await backend.close();
      }
    } finally {
      if (previous === undefined) delete process.env[MOTO_ENDPOINT_ENV];
      else process.env[MOTO_ENDPOINT_ENV] = previous;
    }
  });
});

describe('what the moto backend catches', () => {
  it('a job request without its output location: moto crashes on it, and the error names what moto missed', async () => {
    const backend = await moto.factory('us-east-1');
    try {
      const attempt = backend.createJob('Training', {
        TrainingJobName: 'stepscore-moto-no-output',
        AlgorithmSpecification: { TrainingInputMode: 'File', TrainingImage: 'image' },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputUri: 's3://stepscore-moto/out' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      });
      await expect(attempt).rejects.toThrow(
        `CreateTrainingJob on moto_server at ${moto.server.endpoint} failed: moto answered HTTP 500: moto itself failed on this request, which usually means a member it needs is missing`,
      );
      // The exception comes from the log of a server started here (one given by STEPSCORE_MOTO_ENDPOINT has no log to read).
      if (moto.server.pid !== undefined) await expect(attempt).rejects.toThrow("(moto's log: KeyError: 'S3OutputPath')");
    } finally {
      await backend.close();
    }
  });

  it('a definition moto would store though SageMaker refuses it: checked in process, and the check says so', async () => {
    const registration = withBuilderClass(realBuilder('XGBoostTraining'), WithMisspeltOutputPath);
    const registry = new BuilderRegistry([...builderRegistry.all().filter((r) => r.stepName !== registration.stepName), registration]);
    const onMoto = await runBuilder(registration, registry, {
      checks: level4Checks,
      backendName: moto.name,
      backendFactory: moto.factory,
      checkTimeoutMs: 30_000,
    });
    const byId = Object.fromEntries(onMoto.checks.map((c) => [c.id, c]));
    expect(byId['level4.wire_request']?.status).toBe('fail');
    expect(byId['level4.pipeline_round_trip']?.status).toBe('fail');
    expect(byId['level4.pipeline_round_trip']?.message).toContain(
      `The moto backend refused pipeline 'stepscore-risk-xgboost-NA-WithMisspeltOutputPath-round-trip': Step 'WithMisspeltOutputPath' Arguments breaks the service model: OutputDataConfig.S3OutputPath is missing`,
    );
    expect(byId['level4.pipeline_round_trip']?.message).toContain(`(${DEFINITION_NOTE})`);

    const onMock = await runBuilder(registration, registry, { checks: level4Checks, backendName: 'mock', backendFactory: createMockBackend });
    expect(onMock.checks.find((c) => c.id === 'level4.pipeline_round_trip')?.message).toContain(
      "Step 'WithMisspeltOutputPath' Arguments breaks the service model: OutputDataConfig.S3OutputPath is missing",
    );
  });
});
