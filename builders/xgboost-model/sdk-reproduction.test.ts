import { parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { loadSdkStepsCase, missingFromInputs, sdkSessionSettings, sdkStepNamed } from '../test-fixtures/sdk-steps.js';
import { xgboostModel, XGBoostModelStepBuilder } from './index.js';

// sdk_transform_batch.json: ModelStep(name='CreateAbaloneModel', step_args=Model(image_uri=<XGBoost 1.7-1>,
// model_data=<training output>).create(instance_type='ml.m5.xlarge')), SDK v2.257.6: an XGBoost model the container
// serves itself. Our XGBoostModel without an inference script is the same model.
const sdkCase = loadSdkStepsCase('sdk_transform_batch.json');
const sdk = sdkStepNamed(sdkCase, 'CreateAbaloneModel-CreateModel');

const TRANSCRIBED = [
  "image_uris.retrieve('xgboost', 'us-west-2', '1.7-1')",
  'model_data=train.properties.ModelArtifacts.S3ModelArtifacts',
  "model.create(instance_type='ml.m5.xlarge')",
];
const TRAINED_MODEL = { Get: 'Steps.TrainAbalone.ModelArtifacts.S3ModelArtifacts' };

const config = parseBuilderConfig(xgboostModel, {
  author: 'sdk',
  ...sdkSessionSettings(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  framework_version: '1.7-1',
  inference_instance_type: 'ml.m5.xlarge',
});
const ours = await new XGBoostModelStepBuilder(config).createStep({ inputs: { model_data: TRAINED_MODEL } });

describe('XGBoostModel reproduces the SDK CreateModel step (sdk_transform_batch.json)', () => {
  it('is given the settings the SDK call was given', () => {
    expect(missingFromInputs(sdkCase, TRANSCRIBED)).toEqual([]);
  });

  it('has the same type, arguments and (no) cache config', () => {
    expect(ours.Type).toBe(sdk.Type);
    expect(ours.Arguments).toEqual(sdk.Arguments);
    expect(ours.CacheConfig).toBe(sdk.CacheConfig);
  });

  describe('where it differs by design', () => {
    it('takes its name from the builder, not from a ModelStep name', () => {
      expect([sdk.Name, ours.Name]).toEqual(['CreateAbaloneModel-CreateModel', 'XGBoostModel-CreateModel']);
    });
  });
});
