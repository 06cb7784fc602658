import { describe, expect, it } from 'vitest';
import { imageTagVersion } from '../src/framework-estimator-defaults.js';
import { compareVersions, versionAtLeast } from '../src/versions.js';

describe('framework versions', () => {
  it('orders dotted versions part by part as numbers, not as text', () => {
    expect(versionAtLeast('1.13.1', '1.3')).toBe(true);
    expect(versionAtLeast('1.10', '1.9')).toBe(true);
    expect(versionAtLeast('1.2', '1.15')).toBe(false);
    expect(compareVersions('2', '2.0')).toBe(0);
    expect(versionAtLeast('2', '2.0.0')).toBe(true);
    expect(compareVersions('1.13', '1.13.1')).toBeLessThan(0);
  });

  it("reads the framework version a framework image's tag starts with", () => {
    expect(imageTagVersion('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310')).toBe('2.1.0');
    expect(imageTagVersion('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1')).toBe('1.7');
    expect(imageTagVersion('my-registry/trainer:latest')).toBeUndefined();
  });
});
