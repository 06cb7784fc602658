import { readdirSync, readFileSync } from 'node:fs';
import { type ImageRequest, retrieveImageUri } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';

// Every image URI the SDK put into the sdk-generated pipelines, with the retrieve() call that must give it.
const SDK_REGION = 'us-west-2';
const EXPECTED: readonly { readonly uri: string; readonly request: ImageRequest }[] = [
  {
    uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:1.13.1-cpu-py39',
    request: { framework: 'pytorch', scope: 'training', version: '1.13.1', pyVersion: 'py39', instanceType: 'ml.m5.xlarge', region: SDK_REGION },
  },
  {
    uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.1.0-cpu-py310',
    request: { framework: 'pytorch', scope: 'training', version: '2.1.0', pyVersion: 'py310', instanceType: 'ml.m5.xlarge', region: SDK_REGION },
  },
  {
    uri: '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1.0-cpu-py310',
    request: { framework: 'pytorch', scope: 'inference', version: '2.1.0', pyVersion: 'py310', instanceType: 'ml.m5.large', region: SDK_REGION },
  },
  {
    uri: '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1',
    request: { framework: 'xgboost', scope: 'processing', version: '1.7-1', instanceType: 'ml.m5.xlarge', region: SDK_REGION },
  },
  {
    uri: '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
    request: { framework: 'sklearn', scope: 'processing', version: '1.2-1', instanceType: 'ml.m5.2xlarge', region: SDK_REGION },
  },
];

/** An image the case's own inputs name (a user's container in the user's account), not one retrieve() gives. */
const USER_GIVEN_IMAGES = ['123456789012.dkr.ecr.us-west-2.amazonaws.com/baseline:latest'];

function imageUris(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) imageUris(v, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (['TrainingImage', 'ImageUri', 'Image'].includes(key) && typeof v === 'string') found.add(v);
      else imageUris(v, found);
    }
  }
  return found;
}

const sdkCaseFiles = readdirSync(new URL('./sdk-generated/', import.meta.url)).filter((f) => f.endsWith('.json'));
const urisInCases = new Set<string>();
for (const file of sdkCaseFiles) {
  const sdkCase = JSON.parse(readFileSync(new URL(`./sdk-generated/${file}`, import.meta.url), 'utf8')) as { definition: unknown };
  imageUris(sdkCase.definition, urisInCases);
}

describe('every image URI of the SDK-generated cases is reproduced by retrieveImageUri', () => {
  it('lists each URI the cases hold, and no other', () => {
    expect(sdkCaseFiles.length).toBeGreaterThanOrEqual(6);
    expect([...urisInCases].sort()).toEqual([...EXPECTED.map((e) => e.uri), ...USER_GIVEN_IMAGES].sort());
  });

  it.each(EXPECTED.map((e) => [e.uri, e.request] as const))('%s', (uri, request) => {
    expect(retrieveImageUri(request)).toBe(uri);
  });

  it('XGBoost serves, processes and trains with one image per version', () => {
    const base = { framework: 'xgboost', version: '1.7-1', region: 'eu-west-1' } as const;
    const uris = (['training', 'inference', 'processing'] as const).map((scope) => retrieveImageUri({ ...base, scope }));
    expect(new Set(uris)).toEqual(new Set(['141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1']));
  });

  it('has no GPU scikit-learn image, as the SDK', () => {
    expect(() => retrieveImageUri({ framework: 'sklearn', scope: 'processing', version: '1.2-1', instanceType: 'ml.g5.xlarge', region: 'us-east-1' })).toThrow(
      "scikit-learn 1.2-1 has no gpu processing image (instance type 'ml.g5.xlarge'). Known processors: cpu",
    );
  });

  it('chooses the GPU PyTorch inference image for a GPU instance, in the China partition too', () => {
    expect(
      retrieveImageUri({ framework: 'pytorch', scope: 'inference', version: '2.1.0', pyVersion: 'py310', instanceType: 'ml.g5.xlarge', region: 'cn-north-1' }),
    ).toBe('727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-inference:2.1.0-gpu-py310');
  });

  it('names the scope when a version is unknown', () => {
    expect(() => retrieveImageUri({ framework: 'pytorch', scope: 'inference', version: '9.9.9', region: 'us-east-1' })).toThrow(
      /^Unknown PyTorch inference inference version '9\.9\.9'/,
    );
  });
});
