import { resolvePropertyPath } from '@stepscore/sagemaker';
import { ConfigValidationError, parseBuilderConfig } from '@stepscore/step-builder';
import { DependencyType, StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { pytorchModel, pytorchModelDefaultConfig, PyTorchModelStepBuilder } from '../pytorch-model/index.js';
import { tabularPreprocessingSpecFor } from '../tabular-preprocessing/index.js';
import { batchTransform, type BatchTransformConfig, batchTransformDefaultConfig, batchTransformSpecFor, BatchTransformStepBuilder } from './index.js';

const MODEL_NAME = { Get: 'Steps.XGBoostModel-CreateModel.ModelName' };
const DATA = 's3://stepscore-example-bucket/processed/testing/';

function config(overrides: Record<string, unknown> = {}): BatchTransformConfig {
  return parseBuilderConfig(batchTransform, { ...batchTransformDefaultConfig, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(batchTransform, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('BatchTransform config', () => {
  it('joins input and output only when both are split and assembled alike', () => {
    expect(issuesOf({ ...batchTransformDefaultConfig, join_source: 'Input', assemble_with: 'None' })).toEqual([
      { field: 'assemble_with', message: "when join_source='Input', assemble_with must equal split_type ('Line') (got \"None\")" },
    ]);
    expect(config({ join_source: 'Input' }).join_source).toBe('Input');
  });

  it('names bad enum values and counts', () => {
    expect(issuesOf({ ...batchTransformDefaultConfig, split_type: 'Lines', transform_instance_count: 0 }).map((i) => i.field)).toEqual([
      'transform_instance_count',
      'split_type',
    ]);
  });

  it('wants the output location in S3', () => {
    expect(issuesOf({ ...batchTransformDefaultConfig, output_path: '/tmp/out' })[0]?.field).toBe('output_path');
  });
});

describe('BatchTransform spec', () => {
  it.each(['training', 'calibration', 'validation', 'testing'] as const)('the %s spec has no contract and a real output path', (jobType) => {
    const spec = StepSpecification.create(batchTransformSpecFor(jobType));
    expect(spec.scriptContract).toBeUndefined();
    const output = spec.getOutput('transform_output');
    expect(output?.outputType).toBe(DependencyType.PROCESSING_OUTPUT);
    expect(resolvePropertyPath(output?.propertyPath ?? '', 'DescribeTransformJobResponse')).toMatchObject({ ok: true, leafType: 'string' });
    expect(spec.getDependency('model_name')).toMatchObject({ dependencyType: DependencyType.CUSTOM_PROPERTY, dataType: 'String', required: true });
  });
});

describe('the BatchTransform step', async () => {
  const builder = new BatchTransformStepBuilder(config());
  const step = await builder.createStep({ inputs: { model_name: MODEL_NAME, processed_data: DATA } });

  it('is a cached Transform step named with its job type', () => {
    expect(step).toMatchObject({ Name: 'BatchTransform-Testing', Type: 'Transform', CacheConfig: { Enabled: true, ExpireAfter: 'P30D' } });
  });

  it('is a CreateTransformJob request with the model, the records, an S3 output and the resources', () => {
    expect(step.Arguments).toEqual({
      ModelName: MODEL_NAME,
      TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: DATA } }, ContentType: 'text/csv', SplitType: 'Line' },
      TransformOutput: {
        S3OutputPath: {
          'Std:Join': {
            On: '/',
            Values: [
              's3:/',
              'stepscore-example-bucket',
              'stepscore-bsm-xgboost-NA',
              { Get: 'Execution.PipelineExecutionId' },
              'BatchTransform-Testing',
              'output',
              'transform_output',
            ],
          },
        },
        AssembleWith: 'Line',
        Accept: 'text/csv',
      },
      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    });
  });

  it('carries the optional settings when they are given', async () => {
    const full = await new BatchTransformStepBuilder(
      config({
        output_path: 's3://stepscore-example-bucket/predictions',
        batch_strategy: 'MultiRecord',
        max_payload_in_mb: 6,
        max_concurrent_transforms: 4,
        input_filter: '$[1:]',
        join_source: 'Input',
        compression_type: 'Gzip',
        env: { OMP_NUM_THREADS: '1' },
      }),
    ).createStep({ inputs: { model_name: MODEL_NAME, processed_data: DATA } });
    expect(full.Arguments).toMatchObject({
      TransformInput: { CompressionType: 'Gzip' },
      TransformOutput: { S3OutputPath: 's3://stepscore-example-bucket/predictions' },
      BatchStrategy: 'MultiRecord',
      MaxPayloadInMB: 6,
      MaxConcurrentTransforms: 4,
      Environment: { OMP_NUM_THREADS: '1' },
      DataProcessing: { InputFilter: '$[1:]', JoinSource: 'Input' },
    });
  });

  it('needs the model name and the records', async () => {
    await expect(builder.createStep({ inputs: { processed_data: DATA } })).rejects.toThrow("Required input 'model_name' not provided");
    await expect(builder.createStep({ inputs: { model_name: MODEL_NAME } })).rejects.toThrow("Required input 'processed_data' not provided");
  });

  it("takes ModelName from a model step's <name>-CreateModel step through the resolver", async () => {
    const modelBuilder = new PyTorchModelStepBuilder(parseBuilderConfig(pytorchModel, pytorchModelDefaultConfig));
    const preprocessing = StepSpecification.create(tabularPreprocessingSpecFor('testing'));
    const wired = await builder.createStep({
      dependencies: [
        { name: modelBuilder.getOutputStepName(), spec: modelBuilder.spec },
        { name: 'TabularPreprocessing-Testing', spec: preprocessing },
      ],
    });
    expect(wired.Arguments.ModelName).toEqual({ Get: 'Steps.PyTorchModel-CreateModel.ModelName' });
    expect(wired.Arguments.ModelName).toEqual(modelBuilder.getOutputReference('model_name'));
    expect(wired.Arguments.TransformInput?.DataSource?.S3DataSource?.S3Uri).toEqual({
      Get: "Steps.TabularPreprocessing-Testing.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
    });
    expect(wired.DependsOn).toEqual(['PyTorchModel-CreateModel', 'TabularPreprocessing-Testing']);
  });

  it('references its output on itself', () => {
    expect(builder.getOutputReference('transform_output')).toEqual({ Get: 'Steps.BatchTransform-Testing.TransformOutput.S3OutputPath' });
  });
});
