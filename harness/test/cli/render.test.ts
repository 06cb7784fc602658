import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBuilderConfig } from '@stepscore/step-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { builderRegistry } from '../support/repository-project.js';
import { runStepscore } from './cli-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'stepscore-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function expectedStep(builder: string, raw: unknown, inputs: Record<string, string>) {
  const registration = builderRegistry.get(builder);
  return new registration.builderClass(parseBuilderConfig(registration, raw)).createStep({ inputs });
}

const pytorchDefaults = builderRegistry.get('PyTorchTraining').defaultConfig;

describe('stepscore render --json', () => {
  it('prints the step the builder emits for its default config, with an example location for the required input', async () => {
    const run = await runStepscore(['render', 'PyTorchTraining', '--json']);
    expect(run.code).toBe(0);
    const exampleInput = 's3://stepscore-example-bucket/example-inputs/input_path';
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(await expectedStep('PyTorchTraining', pytorchDefaults, { input_path: exampleInput }))));
    expect(run.stderr).toBe(`note: no --input for required input 'input_path': using ${exampleInput} (pass --input input_path=s3://... to choose it)\n`);
  });

  it('uses the config file and the inputs given', async () => {
    const raw = { ...pytorchDefaults, region: 'FE', framework_version: '1.13.1', py_version: 'py39', training_instance_type: 'ml.m5.xlarge' };
    const path = writeConfig('pytorch.json', JSON.stringify(raw));
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path, '--input', 'input_path=s3://my-bucket/data', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const step = JSON.parse(run.stdout);
    expect(step).toEqual(JSON.parse(JSON.stringify(await expectedStep('PyTorchTraining', raw, { input_path: 's3://my-bucket/data' }))));
    expect(step.Arguments.AlgorithmSpecification.TrainingImage).toBe('763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:1.13.1-cpu-py39');
    expect(step.Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri).toBe('s3://my-bucket/data');
  });

  it('feeds an optional input when given', async () => {
    const run = await runStepscore([
      'render',
      'XGBoostTraining',
      '-i',
      'input_path=s3://my-bucket/data',
      '-i',
      'hyperparameters_s3_uri=s3://my-bucket/hp/hyperparameters.json',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const channels = JSON.parse(run.stdout).Arguments.InputDataConfig as { ChannelName: string; DataSource: { S3DataSource: { S3Uri: string } } }[];
    expect(channels.map((c) => [c.ChannelName, c.DataSource.S3DataSource.S3Uri])).toEqual([
      ['train', 's3://my-bucket/data/train/'],
      ['val', 's3://my-bucket/data/val/'],
      ['test', 's3://my-bucket/data/test/'],
      ['config', 's3://my-bucket/hp/hyperparameters.json'],
    ]);
  });

  it('finds the builder whatever the case of its name', async () => {
    const run = await runStepscore(['render', 'pytorchtraining', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).Name).toBe('PyTorchTraining');
  });
});

describe('stepscore render (summary)', () => {
  it('prints a readable summary, then the step definition', async () => {
    const run = await runStepscore(['render', 'XGBoostTraining', '--input', 'input_path=s3://my-bucket/data']);
    expect(run.code).toBe(0);
    const [summary, definition] = run.stdout.split('\nStep definition:\n');
    expect(summary).toContain("XGBoostTraining: Training step 'XGBoostTraining' (default config)");
    expect(summary).toContain('Image:           683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    expect(summary).toContain('Instances:       1 × ml.m5.4xlarge, 30 GB, at most 86400 s');
    expect(summary).toContain('Channel train:   s3://my-bucket/data/train/');
    expect(summary).toContain('Hyperparameters: 4 (4 set by the framework)');
    expect(summary).toContain('Cache:           enabled, expires after P30D');
    expect(summary).toMatch(
      /Generated file: {2}s3:\/\/stepscore-example-bucket\/MODS\/.*\/hyperparameters\.json \(render keeps it in memory: nothing is uploaded\)/,
    );
    const [stepJson, parameters] = (definition ?? '').split('\nPipeline parameters the step refers to (declare them in the pipeline definition):\n');
    expect(JSON.parse(stepJson ?? '').Name).toBe('XGBoostTraining');
    expect(JSON.parse(parameters ?? '')).toEqual([]);
  });

  it('takes pipeline expressions for inputs and in the config file, keeps 1.0 a float, and lists the parameters with their types', async () => {
    const raw = {
      ...pytorchDefaults,
      training_entry_point: { Get: 'Parameters.EntryPoint' },
      training_instance_count: { Get: 'Parameters.InstanceCount' },
      use_spot_instances: { Get: 'Parameters.UseSpot' },
      max_wait: 90000,
    };
    const text = JSON.stringify(raw).replace('"hyperparameters":{', '"hyperparameters":{"momentum":1.0,"scale":1e3,');
    const path = writeConfig('expressions.json', text);
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path, '--input', 'input_path={"Get":"Parameters.TrainData"}']);
    expect(run.code).toBe(0);
    const [, definition] = run.stdout.split('\nStep definition:\n');
    const [stepJson, parameters] = (definition ?? '').split('\nPipeline parameters the step refers to (declare them in the pipeline definition):\n');
    const step = JSON.parse(stepJson ?? '');
    expect(step.Arguments.HyperParameters).toMatchObject({ momentum: '1.0', scale: '1000.0', sagemaker_program: { Get: 'Parameters.EntryPoint' } });
    expect(step.Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri).toEqual({ Get: 'Parameters.TrainData' });
    expect(step.Arguments.EnableManagedSpotTraining).toEqual({ Get: 'Parameters.UseSpot' });
    expect(JSON.parse(parameters ?? '')).toEqual([
      { Name: 'InstanceCount', Type: 'Integer' },
      { Name: 'TrainData', Type: 'String' },
      { Name: 'EntryPoint', Type: 'String' },
      { Name: 'UseSpot', Type: 'Boolean' },
    ]);
  });

  it('refuses an --input that is JSON but not a pipeline expression', async () => {
    const run = await runStepscore(['render', 'PyTorchTraining', '--input', 'input_path={"Got":"x"}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: Malformed --input 'input_path={"Got":"x"}': expected a pipeline expression such as {"Get":"Parameters.TrainData"}\n`);
  });
});

describe('stepscore render errors', () => {
  it('names the registered builders for an unknown builder, with exit code 2', async () => {
    const run = await runStepscore(['render', 'LightGBMTraining']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: Unknown builder 'LightGBMTraining'. Registered builders: ${builderRegistry.names().join(', ')}. Run 'pnpm stepscore list' to see them.\n`,
    });
  });

  it('names a config file that does not exist', async () => {
    const path = join(dir, 'missing.json');
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `error: Config file not found: ${path}\n` });
  });

  it('says where a config file is not valid JSON', async () => {
    const path = writeConfig('broken.json', '{\n  "author": "x",\n  "bucket" "b"\n}\n');
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: Config file ${path} is not valid JSON: .+ at line 3, column 12 \\(position 30\\)\\n$`));
  });

  it('says where a truncated config file ends', async () => {
    const path = writeConfig('truncated.json', '{"author": ');
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path]);
    expect(run.stderr).toBe(`error: Config file ${path} is not valid JSON: Unexpected end of JSON input at line 1, column 12 (position 11)\n`);
  });

  it('refuses a config file that is not an object', async () => {
    const path = writeConfig('array.json', '[]');
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path]);
    expect(run).toMatchObject({ code: 2, stderr: `error: Config file ${path} must hold a JSON object of settings, found an array\n` });
  });

  it('names every invalid field of the config', async () => {
    const path = writeConfig('invalid.json', JSON.stringify({ ...pytorchDefaults, region: 'XX', training_instance_count: 0, author: undefined }));
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: Invalid PyTorchTraining config (${path}):\n`);
    expect(run.stderr).toContain('  - author: required field is missing (expected string)\n');
    expect(run.stderr).toContain("  - region: Invalid custom region code: XX. Must be one of ['NA','EU','FE']\n");
    expect(run.stderr).toMatch(/ {2}- training_instance_count: .*>=1/);
  });

  it("lists the builder's dependencies for an unknown input name, with exit code 2", async () => {
    const run = await runStepscore(['render', 'XGBoostTraining', '--input', 'training_data=s3://my-bucket/data']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: Unknown input 'training_data' for XGBoostTraining. Its dependencies are: input_path (required), hyperparameters_s3_uri (optional)\n",
    });
  });

  it.each([
    ['input_path', "error: Malformed --input 'input_path': expected name=s3://bucket/prefix, e.g. input_path=s3://my-bucket/data\n"],
    ['input_path=/local/data', "error: Malformed --input 'input_path=/local/data': '/local/data' is not an s3:// URI such as s3://my-bucket/data\n"],
    ['=s3://my-bucket/data', "error: Malformed --input '=s3://my-bucket/data': expected name=s3://bucket/prefix, e.g. input_path=s3://my-bucket/data\n"],
  ])('refuses a malformed --input %j with exit code 2', async (input, stderr) => {
    expect(await runStepscore(['render', 'PyTorchTraining', '--input', input])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('refuses the same input given twice', async () => {
    const run = await runStepscore(['render', 'PyTorchTraining', '-i', 'input_path=s3://a-bucket/x', '-i', 'input_path=s3://a-bucket/y']);
    expect(run).toMatchObject({ code: 2, stderr: 'error: --input input_path is given twice\n' });
  });

  it('reports a builder that cannot be built from a config its schema accepts', async () => {
    const config = { ...pytorchDefaults, training_instance_type: { Get: 'Parameters.TrainingInstanceType' } };
    const path = writeConfig('parameterised-instance.json', JSON.stringify(config));
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: PyTorchTraining could not be constructed: training_instance_type is a pipeline expression');
  });

  it('refuses, as bad input, a framework version with no training image', async () => {
    const path = writeConfig('unknown-version.json', JSON.stringify({ ...pytorchDefaults, framework_version: '0.1.0' }));
    const run = await runStepscore(['render', 'PyTorchTraining', '--config', path, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown PyTorch training version '0.1.0'");
  });
});
