import { AWS_REGION_BY_CODE, parseBuilderConfig, REGION_CODES } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { referenceImageUris } from '../test-fixtures/image-uris.js';
import { pytorchTraining, pytorchTrainingDefaultConfig, PyTorchTrainingStepBuilder } from './index.js';
import { PYTORCH_TRAINING_INSTANCE_TYPES } from './config.js';

/** The reference cases in our three regions, on instance types our config allows. */
const cases = referenceImageUris.pytorch_training.filter(
  (c) => Object.values(AWS_REGION_BY_CODE).includes(c.region) && (PYTORCH_TRAINING_INSTANCE_TYPES as readonly string[]).includes(c.instance_type),
);

describe('PyTorch training image URIs follow the SDK per region and version', () => {
  it('covers every region code and both processors', () => {
    expect(new Set(cases.map((c) => c.region)).size).toBe(REGION_CODES.length);
    expect(new Set(cases.map((c) => c.uri.includes('-gpu-'))).size).toBe(2);
  });

  it.each(cases.map((c) => [c.version, c.py_version, c.instance_type, c.region, c.uri] as const))(
    '%s %s on %s in %s',
    (version, pyVersion, instanceType, awsRegion, uri) => {
      const region = REGION_CODES.find((code) => AWS_REGION_BY_CODE[code] === awsRegion);
      const config = parseBuilderConfig(pytorchTraining, {
        ...pytorchTrainingDefaultConfig,
        region,
        framework_version: version,
        py_version: pyVersion,
        training_instance_type: instanceType,
      });
      expect(new PyTorchTrainingStepBuilder(config).getImageUri()).toBe(uri);
    },
  );
});
