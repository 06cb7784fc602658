import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeHyperparameters, frameworkHyperparameters } from '../src/hyperparameters.js';

function sdkHyperParameters(fixture: string, stepName: string): Record<string, unknown> {
  const pipeline = JSON.parse(readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url), 'utf8')) as {
    definition: { Steps: { Name: string; Arguments: { HyperParameters: Record<string, unknown> } }[] };
  };
  const step = pipeline.definition.Steps.find((s) => s.Name === stepName);
  if (step === undefined) throw new Error(`no step ${stepName} in ${fixture}`);
  return step.Arguments.HyperParameters;
}

describe('encodeHyperparameters', () => {
  it('json.dumps every value like the SDK framework estimators do', () => {
    const encoded = encodeHyperparameters({
      epochs: 10,
      lr: 0.001,
      'batch-size': 64,
      optimizer: 'adam',
      'use-amp': true,
      layers: [64, 32],
      weight_decay: 1e-5,
      dropout: 0.5,
      cfg: { a: 1, b: 'x' },
    });
    expect(encoded).toStrictEqual({
      epochs: '10',
      lr: '0.001',
      'batch-size': '64',
      optimizer: '"adam"',
      'use-amp': 'true',
      layers: '[64, 32]',
      weight_decay: '1e-05',
      dropout: '0.5',
      cfg: '{"a": 1, "b": "x"}',
    });
  });

  it('reproduces the HyperParameters of the SDK-generated PyTorch step, except the float 1.0', () => {
    const expected = sdkHyperParameters('sdk_pytorch_basic.json', 'TrainPyTorch');
    const user = encodeHyperparameters({
      epochs: 10,
      lr: 0.001,
      'batch-size': 64,
      optimizer: 'adam',
      'use-amp': true,
      layers: [64, 32],
      weight_decay: 1e-5,
      dropout: 0.5,
      cfg: { a: 1, b: 'x' },
    });
    const sdk = frameworkHyperparameters({
      entryPoint: 'train.py',
      submitDirectory: 's3://my-bucket/code/sourcedir.tar.gz',
      region: 'us-west-2',
    });
    const { momentum, ...rest } = expected;
    expect(momentum).toBe('1.0');
    expect({ ...user, ...sdk }).toStrictEqual(rest);
    expect(encodeHyperparameters({ momentum: 1.0 })).toStrictEqual({ momentum: '1' });
  });

  it('reproduces the HyperParameters of the SDK-generated XGBoost step', () => {
    const expected = sdkHyperParameters('sdk_xgboost_framework.json', 'TrainXGBScript');
    const encoded = {
      ...encodeHyperparameters({ max_depth: 5, eta: 0.2, objective: 'binary:logistic', num_round: 100 }),
      ...frameworkHyperparameters({
        entryPoint: 'xgb_train.py',
        submitDirectory: 's3://my-bucket/code/xgb.tar.gz',
        region: 'us-west-2',
      }),
    };
    expect(encoded).toStrictEqual(expected);
    expect(Object.keys(encoded)).toStrictEqual(Object.keys(expected));
  });

  it('passes pipeline expressions through unchanged', () => {
    const get = { Get: 'Parameters.Epochs' };
    const join = { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Execution.PipelineExecutionId' }] } };
    const encoded = encodeHyperparameters({ epochs: get, path: join, plain: { Get: 'x', other: 1 } });
    expect(encoded['epochs']).toBe(get);
    expect(encoded['path']).toBe(join);
    expect(encoded['plain']).toBe('{"Get": "x", "other": 1}');
  });
});

describe('frameworkHyperparameters', () => {
  it('writes exactly the strings the SDK emits', () => {
    expect(frameworkHyperparameters({ entryPoint: 'train.py', submitDirectory: 's3://b/src.tar.gz', region: 'us-west-2' })).toStrictEqual({
      sagemaker_submit_directory: '"s3://b/src.tar.gz"',
      sagemaker_program: '"train.py"',
      sagemaker_container_log_level: '20',
      sagemaker_region: '"us-west-2"',
    });
  });

  it('uses the given container log level', () => {
    const h = frameworkHyperparameters({ entryPoint: 'a.py', submitDirectory: 's3://b/c', region: 'eu-west-1', containerLogLevel: 10 });
    expect(h['sagemaker_container_log_level']).toBe('10');
  });
});
