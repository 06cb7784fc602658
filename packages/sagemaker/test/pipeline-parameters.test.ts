import { describe, expect, it } from 'vitest';
import { encodeBuiltInHyperparameters, frameworkHyperparameters, pipelineParametersOf, PythonFloat, pythonJsonDumps, pythonStr } from '../src/index.js';

describe('pipelineParametersOf', () => {
  it('types each parameter from the request member it stands for, in first-seen order', () => {
    const args = {
      ResourceConfig: { InstanceCount: { Get: 'Parameters.Count' }, InstanceType: { Get: 'Parameters.Type' }, VolumeSizeInGB: 30 },
      EnableManagedSpotTraining: { Get: 'Parameters.Spot' },
      HyperParameters: { lr: { Get: 'Parameters.LR' }, epochs: { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.Epochs' }] } } },
      InputDataConfig: [{ DataSource: { S3DataSource: { S3Uri: { Get: 'Parameters.Train' } } }, ChannelName: 'train' }],
      OutputDataConfig: { S3OutputPath: { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Execution.PipelineExecutionId' }] } } },
      CheckpointConfig: { S3Uri: { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri" } },
    };
    expect(pipelineParametersOf(args)).toEqual([
      { Name: 'Count', Type: 'Integer' },
      { Name: 'Type', Type: 'String' },
      { Name: 'Spot', Type: 'Boolean' },
      { Name: 'LR', Type: 'String' },
      { Name: 'Epochs', Type: 'String' },
      { Name: 'Train', Type: 'String' },
    ]);
  });

  it('refuses one parameter used as two types', () => {
    expect(() => pipelineParametersOf({ ResourceConfig: { InstanceCount: { Get: 'Parameters.N' } }, RoleArn: { Get: 'Parameters.N' } })).toThrow(
      'Parameter N is used as Integer at ResourceConfig.InstanceCount and as String at RoleArn',
    );
  });
});

describe('PythonFloat and str()', () => {
  it('json.dumps writes a float read as 1.0 as 1.0, and JSON.stringify as the number', () => {
    expect(pythonJsonDumps({ a: new PythonFloat(1), b: 1, c: [new PythonFloat(1e3)] })).toBe('{"a": 1.0, "b": 1, "c": [1000.0]}');
    expect(JSON.stringify({ a: new PythonFloat(1) })).toBe('{"a":1}');
  });

  it('str() as a generic Estimator sends built-in hyperparameters', () => {
    expect(pythonStr('reg:linear')).toBe('reg:linear');
    expect(pythonStr(true)).toBe('True');
    expect(pythonStr(new PythonFloat(2))).toBe('2.0');
    expect(pythonStr([1, 'a', null])).toBe("[1, 'a', None]");
    expect(encodeBuiltInHyperparameters({ num_round: 50, eta: 0.2, p: { Get: 'Parameters.P' } })).toEqual({
      num_round: '50',
      eta: '0.2',
      p: { Get: 'Parameters.P' },
    });
  });

  it('framework hyperparameters keep string-typed expressions and join an integer one', () => {
    expect(
      frameworkHyperparameters({
        entryPoint: { Get: 'Parameters.E' },
        submitDirectory: 's3://b/c.tar.gz',
        region: 'us-west-2',
        containerLogLevel: { Get: 'Parameters.L' },
      }),
    ).toEqual({
      sagemaker_submit_directory: '"s3://b/c.tar.gz"',
      sagemaker_program: { Get: 'Parameters.E' },
      sagemaker_container_log_level: { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.L' }] } },
      sagemaker_region: '"us-west-2"',
    });
  });
});
