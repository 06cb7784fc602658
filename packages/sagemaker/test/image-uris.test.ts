import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownTrainingVersions, processorForInstanceType, retrieveTrainingImageUri } from '../src/image-uris.js';

interface PyTorchEntry {
  version: string;
  py_version: string;
  instance_type: string;
  region: string;
  uri: string;
}
interface XGBoostEntry {
  version: string;
  region: string;
  uri: string;
}
interface Reference {
  pytorch_training: PyTorchEntry[];
  xgboost: XGBoostEntry[];
  pytorch_alias: { version: string; uri: string }[];
}

const reference = JSON.parse(readFileSync(new URL('./fixtures/image_uris_sdk_v2.257.6.json', import.meta.url), 'utf8')) as Reference;

describe('retrieveTrainingImageUri against sagemaker.image_uris.retrieve (SDK v2.257.6)', () => {
  it('the reference holds the expected number of entries', () => {
    expect(reference.pytorch_training).toHaveLength(112);
    expect(reference.xgboost).toHaveLength(35);
    expect(reference.pytorch_alias).toHaveLength(2);
  });

  it.each(reference.pytorch_training.map((e) => [`${e.version} ${e.py_version} ${e.instance_type} ${e.region}`, e] as const))('PyTorch %s', (_, entry) => {
    const uri = retrieveTrainingImageUri({
      framework: 'pytorch',
      version: entry.version,
      pyVersion: entry.py_version,
      instanceType: entry.instance_type,
      region: entry.region,
    });
    expect(uri).toBe(entry.uri);
  });

  it.each(reference.xgboost.map((e) => [`${e.version} ${e.region}`, e] as const))('XGBoost %s', (_, entry) => {
    expect(retrieveTrainingImageUri({ framework: 'xgboost', version: entry.version, region: entry.region })).toBe(entry.uri);
  });

  it.each(reference.pytorch_alias.map((e) => [e.version, e] as const))('PyTorch alias %s keeps the alias in the tag', (_, entry) => {
    const uri = retrieveTrainingImageUri({
      framework: 'pytorch',
      version: entry.version,
      instanceType: 'ml.g5.xlarge',
      region: 'us-east-1',
    });
    expect(uri).toBe(entry.uri);
  });

  it('ignores instance type and py3 for XGBoost versions with one image, as the SDK-generated step shows', () => {
    const uri = retrieveTrainingImageUri({
      framework: 'xgboost',
      version: '1.7-1',
      pyVersion: 'py3',
      instanceType: 'ml.p3.2xlarge',
      region: 'us-west-2',
    });
    expect(uri).toBe('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1');
  });

  it('defaults the processor of XGBoost 1.0-1 to its only one, cpu', () => {
    expect(retrieveTrainingImageUri({ framework: 'xgboost', version: '1.0-1', instanceType: 'ml.m5.xlarge', region: 'us-east-1' })).toBe(
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
    );
  });

  it('accepts local instance types', () => {
    const base = { framework: 'pytorch', version: '2.1.0', region: 'us-west-2' } as const;
    expect(retrieveTrainingImageUri({ ...base, instanceType: 'local' })).toMatch(/:2\.1\.0-cpu-py310$/);
    expect(retrieveTrainingImageUri({ ...base, instanceType: 'local_gpu' })).toMatch(/:2\.1\.0-gpu-py310$/);
  });
});

describe('retrieveTrainingImageUri errors', () => {
  const good = { framework: 'pytorch', version: '2.0.0', pyVersion: 'py310', instanceType: 'ml.m5.xlarge', region: 'us-east-1' } as const;

  it('names an unknown version and lists the known ones', () => {
    expect(() => retrieveTrainingImageUri({ ...good, version: '9.9' })).toThrow(
      "Unknown PyTorch training version '9.9'. Known versions: 1.8.0, 1.13.1, 2.0.0, 2.1.0, 2.3.0, 2.5.1, 2.6.0, 2.8.0 (aliases: 1.13 -> 1.13.1, 2.0 -> 2.0.0)",
    );
    expect(() => retrieveTrainingImageUri({ framework: 'xgboost', version: '0.90-1', region: 'us-east-1' })).toThrow(
      "Unknown XGBoost training version '0.90-1'. Known versions: 1.0-1, 1.2-1, 1.5-1, 1.7-1, 3.0-5",
    );
  });

  it('names an unknown Python version and lists the known ones', () => {
    expect(() => retrieveTrainingImageUri({ ...good, pyVersion: 'py38' })).toThrow(
      "Unknown Python version 'py38' for PyTorch 2.0.0 training images. Known Python versions: py310",
    );
  });

  it('names an unknown region and lists the known ones', () => {
    expect(() => retrieveTrainingImageUri({ ...good, region: 'mars-north-1' })).toThrow(
      "Unknown region 'mars-north-1' for PyTorch training images. Known regions: us-east-1, us-west-2, eu-west-1, ap-northeast-1, cn-north-1, us-gov-west-1, il-central-1",
    );
  });

  it('names an unknown framework', () => {
    const request = { ...good, framework: 'tensorflow' } as unknown as Parameters<typeof retrieveTrainingImageUri>[0];
    expect(() => retrieveTrainingImageUri(request)).toThrow("Unknown training framework 'tensorflow'. Known frameworks: pytorch, xgboost");
  });

  it('needs an instance type where the image differs per processor', () => {
    const { instanceType: _, ...withoutInstance } = good;
    expect(() => retrieveTrainingImageUri(withoutInstance)).toThrow(/give an instance type/);
    expect(() => retrieveTrainingImageUri({ ...good, instanceType: 'm5.xlarge' })).toThrow(/Invalid SageMaker instance type 'm5.xlarge'/);
  });

  it('refuses a processor the version has no image for', () => {
    expect(() => retrieveTrainingImageUri({ framework: 'xgboost', version: '1.0-1', instanceType: 'ml.g5.xlarge', region: 'us-east-1' })).toThrow(
      "XGBoost 1.0-1 has no gpu training image (instance type 'ml.g5.xlarge'). Known processors: cpu",
    );
  });

  it('refuses P2 instances from PyTorch 1.13 on, like the SDK', () => {
    expect(() => retrieveTrainingImageUri({ ...good, instanceType: 'ml.p2.xlarge' })).toThrow(/P2 instances/);
    expect(retrieveTrainingImageUri({ ...good, version: '1.8.0', pyVersion: 'py36', instanceType: 'ml.p2.xlarge' })).toMatch(/:1\.8\.0-gpu-py36$/);
  });

  it('refuses Trainium instances, which need Neuron images', () => {
    expect(() => retrieveTrainingImageUri({ ...good, instanceType: 'ml.trn1.2xlarge' })).toThrow(/Neuron/);
  });
});

describe('processorForInstanceType', () => {
  it.each([
    ['ml.p3.2xlarge', 'gpu'],
    ['ml.p4d.24xlarge', 'gpu'],
    ['ml.g4dn.xlarge', 'gpu'],
    ['ml.g6e.xlarge', 'gpu'],
    ['ml.m5.xlarge', 'cpu'],
    ['ml.c5.9xlarge', 'cpu'],
    ['ml.t3.medium', 'cpu'],
    ['ml_m5', 'cpu'],
  ])('%s runs on %s', (instanceType, processor) => {
    expect(processorForInstanceType(instanceType)).toBe(processor);
  });
});

describe('knownTrainingVersions', () => {
  it('lists every version with its Python versions', () => {
    const pytorch = knownTrainingVersions('pytorch');
    expect(pytorch.map((v) => v.version)).toStrictEqual(['1.8.0', '1.13.1', '2.0.0', '2.1.0', '2.3.0', '2.5.1', '2.6.0', '2.8.0']);
    expect(pytorch.find((v) => v.version === '1.13.1')?.pyVersions).toStrictEqual(['py39']);
    expect(knownTrainingVersions('xgboost').map((v) => `${v.version}/${v.pyVersions.join('+')}`)).toStrictEqual([
      '1.0-1/py3',
      '1.2-1/py3',
      '1.5-1/py3',
      '1.7-1/py3',
      '3.0-5/py3',
    ]);
  });

  it('agrees with the reference file on every (version, Python version) pair it shows', () => {
    const shown = new Set(reference.pytorch_training.map((e) => `${e.version}/${e.py_version}`));
    const known = new Set(knownTrainingVersions('pytorch').flatMap((v) => v.pyVersions.map((py) => `${v.version}/${py}`)));
    expect(known).toStrictEqual(shown);
  });

  it('hands out copies that callers cannot use to change the data', () => {
    const first = knownTrainingVersions('pytorch');
    (first[0]!.pyVersions as string[]).push('py99');
    expect(knownTrainingVersions('pytorch')[0]?.pyVersions).toStrictEqual(['py36']);
  });
});
