import { AWS_REGION_BY_CODE, parseBuilderConfig, REGION_CODES } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { referenceImageUris } from '../test-fixtures/image-uris.js';
import { xgboostTraining, xgboostTrainingDefaultConfig, XGBoostTrainingStepBuilder } from './index.js';

const cases = referenceImageUris.xgboost.filter((c) => Object.values(AWS_REGION_BY_CODE).includes(c.region));

describe('XGBoost training image URIs follow the SDK per region and version', () => {
  it('covers every region code', () => {
    expect(new Set(cases.map((c) => c.region)).size).toBe(REGION_CODES.length);
  });

  it.each(cases.map((c) => [c.version, c.region, c.uri] as const))('%s in %s', (version, awsRegion, uri) => {
    const region = REGION_CODES.find((code) => AWS_REGION_BY_CODE[code] === awsRegion);
    const config = parseBuilderConfig(xgboostTraining, { ...xgboostTrainingDefaultConfig, region, framework_version: version });
    expect(new XGBoostTrainingStepBuilder(config).getImageUri()).toBe(uri);
  });
});
