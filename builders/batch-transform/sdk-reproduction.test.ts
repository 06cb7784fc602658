import { parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { loadSdkStepsCase, missingFromInputs, sdkSessionSettings, sdkStepNamed } from '../test-fixtures/sdk-steps.js';
import { batchTransform, BatchTransformStepBuilder } from './index.js';

// sdk_transform_batch.json: TransformStep(name='BatchTransform', step_args=Transformer(...).transform(...)), SDK
// v2.257.6, fed by ModelStep 'CreateAbaloneModel'. The same settings go through our config.
const sdkCase = loadSdkStepsCase('sdk_transform_batch.json');
const sdk = sdkStepNamed(sdkCase, 'BatchTransform');

const TRANSCRIBED = [
  "model_name=model_step.properties.ModelName, instance_type='ml.m5.xlarge', instance_count=1",
  "output_path='s3://my-bucket/batch-out', accept='text/csv', assemble_with='Line'",
  "data='s3://my-bucket/batch-in', content_type='text/csv', split_type='Line'",
];

const config = parseBuilderConfig(batchTransform, {
  author: 'sdk',
  ...sdkSessionSettings(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  job_type: 'testing',
  transform_instance_type: 'ml.m5.xlarge',
  transform_instance_count: 1,
  output_path: 's3://my-bucket/batch-out',
  accept: 'text/csv',
  assemble_with: 'Line',
  content_type: 'text/csv',
  split_type: 'Line',
  enable_caching: false,
});
const ours = await new BatchTransformStepBuilder(config).createStep({
  inputs: { model_name: { Get: 'Steps.CreateAbaloneModel-CreateModel.ModelName' }, processed_data: 's3://my-bucket/batch-in' },
});

describe('BatchTransform reproduces the SDK step (sdk_transform_batch.json)', () => {
  it('is given the settings the SDK call was given', () => {
    expect(missingFromInputs(sdkCase, TRANSCRIBED)).toEqual([]);
  });

  it('emits the same Transform request, ModelName from the model step included', () => {
    expect(ours.Type).toBe(sdk.Type);
    expect(ours.Arguments).toEqual(sdk.Arguments);
  });

  describe('where it differs by design', () => {
    it('appends the job type to the step name', () => {
      expect([sdk.Name, ours.Name]).toEqual(['BatchTransform', 'BatchTransform-Testing']);
    });

    it('states caching off as CacheConfig {Enabled: false} where the SDK leaves the key out', () => {
      expect(sdk.CacheConfig).toBeUndefined();
      expect(ours.CacheConfig).toEqual({ Enabled: false });
    });
  });
});
