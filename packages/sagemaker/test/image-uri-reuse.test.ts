import { describe, expect, it } from 'vitest';
import { retrieveTrainingImageUri } from '../src/image-uris.js';

// retrieveImageUri keeps each URI it finds: asking again must answer as the first time did, and a request that
// differs only in a part left out must not be answered from another's entry.
describe('retrieveTrainingImageUri asked again', () => {
  it('gives the same URI the second time', () => {
    const request = { framework: 'pytorch', version: '2.1.0', pyVersion: 'py310', instanceType: 'ml.g5.xlarge', region: 'us-west-2' } as const;
    const first = retrieveTrainingImageUri(request);
    expect(retrieveTrainingImageUri({ ...request })).toBe(first);
    expect(first).toBe('763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.1.0-gpu-py310');
  });

  it('still refuses an empty Python version after the same request without one was answered', () => {
    const withoutPython = { framework: 'xgboost', version: '1.0-1', instanceType: 'ml.m5.xlarge', region: 'us-east-1' } as const;
    expect(retrieveTrainingImageUri(withoutPython)).toBe('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3');
    expect(() => retrieveTrainingImageUri({ ...withoutPython, pyVersion: '' })).toThrow(/Unknown Python version ''/);
  });

  it('still refuses a request it refused before', () => {
    const gpu = { framework: 'xgboost', version: '1.0-1', instanceType: 'ml.g5.xlarge', region: 'us-east-1' } as const;
    expect(() => retrieveTrainingImageUri(gpu)).toThrow(/has no gpu training image/);
    expect(() => retrieveTrainingImageUri(gpu)).toThrow(/has no gpu training image/);
  });
});
