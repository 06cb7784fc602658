import { parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { loadSdkStepsCase, missingFromInputs, sdkSessionSettings, sdkStepNamed } from '../test-fixtures/sdk-steps.js';
import { pytorchModel, PyTorchModelStepBuilder } from './index.js';

// sdk_model_pytorch.json: ModelStep(name='CreatePyTorchModel', step_args=PyTorchModel(...).create(instance_type=
// 'ml.m5.large')), SDK v2.257.6. It emits a repack Training step and the CreateModel step; we emit the latter only.
const sdkCase = loadSdkStepsCase('sdk_model_pytorch.json');
const sdk = sdkStepNamed(sdkCase, 'CreatePyTorchModel-CreateModel');
const sdkRepack = sdkStepNamed(sdkCase, 'CreatePyTorchModel-RepackModel-0');
const sdkContainer = sdk.Arguments['PrimaryContainer'] as Record<string, unknown>;

const TRANSCRIBED = [
  "entry_point='inference.py'",
  "framework_version='2.1.0', py_version='py310'",
  "model.create(instance_type='ml.m5.large')",
  'model_data=train.properties.ModelArtifacts.S3ModelArtifacts',
];
const TRAINED_MODEL = { Get: 'Steps.TrainPyTorch.ModelArtifacts.S3ModelArtifacts' };

const config = parseBuilderConfig(pytorchModel, {
  author: 'sdk',
  ...sdkSessionSettings(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  inference_entry_point: 'inference.py',
  framework_version: '2.1.0',
  py_version: 'py310',
  inference_instance_type: 'ml.m5.large',
});
const ours = await new PyTorchModelStepBuilder(config).createStep({ inputs: { model_data: TRAINED_MODEL } });

describe('PyTorchModel reproduces the SDK CreateModel step (sdk_model_pytorch.json)', () => {
  it('is given the settings the SDK call was given', () => {
    expect(missingFromInputs(sdkCase, TRANSCRIBED)).toEqual([]);
  });

  it('is a Model step named <name>-CreateModel without a cache config, like the SDK', () => {
    expect(ours.Type).toBe(sdk.Type);
    expect(ours.Name.endsWith('-CreateModel')).toBe(true);
    expect(ours.CacheConfig).toBeUndefined();
    expect(sdk.CacheConfig).toBeUndefined();
  });

  it('has the same role, image and environment', () => {
    expect(ours.Arguments.ExecutionRoleArn).toBe(sdk.Arguments['ExecutionRoleArn']);
    expect(ours.Arguments.PrimaryContainer?.Image).toBe(sdkContainer['Image']);
    expect(ours.Arguments.PrimaryContainer?.Environment).toEqual(sdkContainer['Environment']);
  });

  it('emits the same request members', () => {
    expect(Object.keys(ours.Arguments).sort()).toEqual(Object.keys(sdk.Arguments).sort());
    expect(Object.keys(ours.Arguments.PrimaryContainer ?? {}).sort()).toEqual(Object.keys(sdkContainer).sort());
  });

  describe('where it differs by design', () => {
    it('emits no repack step: the model data is used as given, so it must already hold code/inference.py', () => {
      // The SDK repacks because the model data is a pipeline variable; doing so, it downloads the user's
      // source bundle and overwrites it in S3 at definition time. Our builder never reads or rewrites user objects.
      expect(sdkRepack.Type).toBe('Training');
      expect(sdkContainer['ModelDataUrl']).toEqual({ Get: 'Steps.CreatePyTorchModel-RepackModel-0.ModelArtifacts.S3ModelArtifacts' });
      expect(ours.Arguments.PrimaryContainer?.ModelDataUrl).toEqual(TRAINED_MODEL);
      expect(sdkCase._meta.s3_calls_recorded_not_performed?.map((c) => c['op'])).toEqual(['download_file', 'upload_file']);
    });

    it('takes its name from the builder, not from a ModelStep name', () => {
      expect([sdk.Name, ours.Name]).toEqual(['CreatePyTorchModel-CreateModel', 'PyTorchModel-CreateModel']);
    });
  });
});
