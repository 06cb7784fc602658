import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  frameworkLauncherScript,
  frameworkProcessorCode,
  InMemoryArtifactStore,
  perExecutionOutputUri,
  requireSettings,
  scriptProcessorCode,
} from '../src/index.js';

const options = {
  sourceDir: 's3://bucket/code/eval/sourcedir.tar.gz',
  entryPoint: 'evaluate.py',
  command: ['python'],
  bucket: 'bucket',
  pipelineName: 'my-pipeline',
};

describe('processing code', () => {
  it('a script processor mounts the script as input code and runs it with python3', () => {
    expect(scriptProcessorCode('s3://bucket/code/prep/run.py')).toEqual({
      inputs: [
        {
          InputName: 'code',
          AppManaged: false,
          S3Input: {
            S3Uri: 's3://bucket/code/prep/run.py',
            LocalPath: '/opt/ml/processing/input/code',
            S3DataType: 'S3Prefix',
            S3InputMode: 'File',
            S3DataDistributionType: 'FullyReplicated',
            S3CompressionType: 'None',
          },
        },
      ],
      containerEntrypoint: ['python3', '/opt/ml/processing/input/code/run.py'],
    });
  });

  it('a framework processor writes its launcher at a key named by the launcher text', async () => {
    const store = new InMemoryArtifactStore();
    const code = await frameworkProcessorCode({ ...options, artifactStore: store });
    const launcher = frameworkLauncherScript('evaluate.py', ['python']);
    const digest = createHash('sha256').update(launcher).digest('hex');
    expect(store.artifacts).toEqual([{ s3Uri: `s3://bucket/my-pipeline/code/${digest}/runproc.sh`, body: launcher, contentType: 'text/x-shellscript' }]);
    expect(code.containerEntrypoint).toEqual(['/bin/bash', '/opt/ml/processing/input/entrypoint/runproc.sh']);
    expect(code.inputs.map((i) => [i.InputName, i.S3Input?.S3Uri, i.S3Input?.LocalPath])).toEqual([
      ['code', options.sourceDir, '/opt/ml/processing/input/code/'],
      ['entrypoint', `s3://bucket/my-pipeline/code/${digest}/runproc.sh`, '/opt/ml/processing/input/entrypoint'],
    ]);
  });

  it('the launcher stops on the first error, unpacks the bundle and passes the job arguments on', () => {
    const launcher = frameworkLauncherScript('evaluate.py', ['python']);
    expect(launcher.split('\n')).toEqual(expect.arrayContaining(['set -e', 'tar -xzf sourcedir.tar.gz', 'python evaluate.py "$@"']));
    expect(launcher.indexOf('set -e')).toBeLessThan(launcher.indexOf('tar -xzf'));
  });

  it('a framework processor refuses a bundle not named sourcedir.tar.gz, as the SDK does', async () => {
    await expect(frameworkProcessorCode({ ...options, sourceDir: 's3://bucket/code/eval.tar.gz', artifactStore: new InMemoryArtifactStore() })).rejects.toThrow(
      "A framework processor's source dir must be an S3 object named sourcedir.tar.gz, got: s3://bucket/code/eval.tar.gz",
    );
  });
});

describe('default output location and required settings', () => {
  it('is per execution, below the pipeline and the step', () => {
    const config = { bucket: 'bucket', pipeline_name: 'pipe' } as Parameters<typeof perExecutionOutputUri>[0];
    expect(perExecutionOutputUri(config, 'Step', 'out')).toEqual({
      'Std:Join': { On: '/', Values: ['s3:/', 'bucket', 'pipe', { Get: 'Execution.PipelineExecutionId' }, 'Step', 'output', 'out'] },
    });
  });

  it('names the first unset setting after the builder', () => {
    expect(() => requireSettings('FooStepBuilder', { a: 1, b: '' }, ['a', 'b'])).toThrow('FooConfig missing required attribute: b');
    expect(() => requireSettings('FooStepBuilder', { a: 0 }, ['a'])).not.toThrow();
  });
});
