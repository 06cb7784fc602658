import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ShapeConstraints } from '../src/constraint-model.js';
import {
  trainingInstanceTypes,
  trainingJobConstraints,
  validateCreateTrainingJobRequest,
  validateStepName,
  validateTrainingStepArguments,
} from '../src/training-job-constraints.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

interface PipelineFixture {
  definition: { Steps: { Name: string; Type: string; Arguments: Record<string, unknown> }[] };
}

interface ConstraintsReference {
  _meta: { source: string };
  'CreateTrainingJobRequest.required': string[];
  'CreateTrainingJobRequest.members': Record<string, string>;
  shapes: Record<string, Record<string, unknown>>;
}

const reference = fixture<ConstraintsReference>('botocore_create_training_job_constraints.json');
const sdkPipelines = ['sdk_pytorch_basic.json', 'sdk_xgboost_framework.json'].map((name) => ({
  name,
  pipeline: fixture<PipelineFixture>(name),
}));
const trainingSteps = sdkPipelines.flatMap(({ name, pipeline }) =>
  pipeline.definition.Steps.filter((step) => step.Type === 'Training').map((step) => [`${name} ${step.Name}`, step.Arguments] as const),
);

/** A complete CreateTrainingJob request built from the SDK's PyTorch step, fresh for each use. */
// biome-ignore lint/suspicious/noExplicitAny: SDK fixture JSON, navigated freely by the tests that read it
function pytorchRequest(): Record<string, any> {
  const step = fixture<PipelineFixture>('sdk_pytorch_basic.json').definition.Steps.find((s) => s.Name === 'TrainPyTorch');
  if (step === undefined) throw new Error('TrainPyTorch step missing from the fixture');
  return { TrainingJobName: 'train-pytorch-2024-01-01-00-00-00', ...step.Arguments };
}

function only(violations: readonly { path: string; rule: string; message: string }[]) {
  expect(violations).toHaveLength(1);
  return violations[0] as { path: string; rule: string; message: string };
}

describe('the generated constraints agree with the botocore reference', () => {
  const generated = trainingJobConstraints.shapes;
  const request = generated['CreateTrainingJobRequest'] as ShapeConstraints;

  it('come from the same botocore version', () => {
    const referenceVersion = /botocore (\d+\.\d+\.\d+)/.exec(reference._meta.source)?.[1];
    expect(trainingJobConstraints._meta.botocoreVersion).toBe(referenceVersion);
    expect(trainingJobConstraints._meta.regenerate).toContain('pnpm generate:constraints');
  });

  it('CreateTrainingJobRequest has the same required members and member shapes', () => {
    expect(request.required).toStrictEqual(reference['CreateTrainingJobRequest.required']);
    expect(request.members).toStrictEqual(reference['CreateTrainingJobRequest.members']);
  });

  const compared = ['type', 'min', 'max', 'pattern', 'enum', 'required', 'members', 'member', 'key', 'value'];
  it.each(Object.entries(reference.shapes))('shape %s has the limits, pattern and enum the reference lists', (name, expected) => {
    const shape = generated[name] as Record<string, unknown> | undefined;
    expect(shape).toBeDefined();
    for (const property of compared) {
      if (property in expected) expect([name, property, shape?.[property]]).toStrictEqual([name, property, expected[property]]);
    }
  });

  it('has the 145 training instance types, all ml.*', () => {
    const types = trainingInstanceTypes();
    expect(types).toHaveLength(145);
    expect(types).toStrictEqual(reference.shapes['TrainingInstanceType']?.['enum']);
    expect(types.every((type) => type.startsWith('ml.'))).toBe(true);
  });

  it('includes the pipeline shapes and every shape a member refers to', () => {
    for (const name of ['StepName', 'PipelineName', 'PipelineDefinition', 'PipelineParameterName']) expect(generated[name]).toBeDefined();
    expect(generated['StepName']).toStrictEqual({ type: 'string', min: 0, max: 64, pattern: '[A-Za-z0-9\\-_]*' });
    for (const shape of Object.values(generated)) {
      for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) {
        if (ref !== undefined) expect(generated[ref], `shape ${ref}`).toBeDefined();
      }
    }
  });

  it('keeps no documentation', () => {
    expect(JSON.stringify(trainingJobConstraints.shapes)).not.toMatch(/documentation|<p>/);
  });
});

describe('the Arguments of SDK-generated Training steps', () => {
  it('found Training steps in both fixtures', () => {
    expect(trainingSteps.map(([name]) => name)).toStrictEqual([
      'sdk_pytorch_basic.json TrainBaseline',
      'sdk_pytorch_basic.json TrainPyTorch',
      'sdk_xgboost_framework.json TrainXGBScript',
    ]);
  });

  it.each(trainingSteps)('%s validate as step arguments with no violations', (_, args) => {
    expect(validateTrainingStepArguments(args)).toStrictEqual([]);
  });

  it.each(trainingSteps)('%s validate as a request once given a job name', (_, args) => {
    expect(validateCreateTrainingJobRequest({ TrainingJobName: 'job-1', ...args })).toStrictEqual([]);
  });

  it('lack only the TrainingJobName that Pipelines fills in', () => {
    const [, args] = trainingSteps[0] as (typeof trainingSteps)[number];
    expect(only(validateCreateTrainingJobRequest(args))).toMatchObject({ path: 'TrainingJobName', rule: 'required' });
  });

  it('still need RoleArn as step arguments', () => {
    const { TrainingJobName: _, RoleArn: __, ...args } = pytorchRequest();
    expect(only(validateTrainingStepArguments(args))).toMatchObject({ path: 'RoleArn', rule: 'required' });
  });
});

describe('broken requests', () => {
  it('a channel name with a space breaks the ChannelName pattern', () => {
    const request = pytorchRequest();
    request['InputDataConfig'][0].ChannelName = 'da ta';
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: 'InputDataConfig[0].ChannelName', rule: 'pattern' });
    expect(violation.message).toContain('InputDataConfig[0].ChannelName "da ta"');
    expect(violation.message).toContain('[A-Za-z0-9\\.\\-_]+');
  });

  it('101 hyperparameters exceed the map size', () => {
    const request = pytorchRequest();
    request['HyperParameters'] = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`h${i}`, String(i)]));
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: 'HyperParameters', rule: 'max' });
    expect(violation.message).toBe('HyperParameters has 101 entries; HyperParameters allows at most 100.');
  });

  it('100 hyperparameters are fine', () => {
    const request = pytorchRequest();
    request['HyperParameters'] = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`h${i}`, String(i)]));
    expect(validateCreateTrainingJobRequest(request)).toStrictEqual([]);
  });

  it('a 2501-character hyperparameter value is too long, and the message shows it cut short', () => {
    const request = pytorchRequest();
    request['HyperParameters']['notes'] = 'x'.repeat(2501);
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: "HyperParameters['notes']", rule: 'max' });
    expect(violation.message).toContain('2501 characters');
    expect(violation.message).toContain('at most 2500');
    expect(violation.message).toContain(`"${'x'.repeat(40)}"…`);
    expect(violation.message.length).toBeLessThan(200);
  });

  it('a 257-character hyperparameter key is too long', () => {
    const request = pytorchRequest();
    const key = 'k'.repeat(257);
    request['HyperParameters'][key] = '1';
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: `HyperParameters['${key}']`, rule: 'max' });
    expect(violation.message).toMatch(/^The key "k{40}"… of HyperParameters is 257 characters long; HyperParameterKey allows at most 256\.$/);
  });

  it('an unknown instance type is not in the enum, and the nearest real ones are named', () => {
    const request = pytorchRequest();
    request['ResourceConfig'].InstanceType = 'ml.m5.xlarg';
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: 'ResourceConfig.InstanceType', rule: 'enum' });
    expect(violation.message).toContain('"ml.m5.xlarg" is not one of the 145 values TrainingInstanceType allows');
    expect(violation.message).toContain('ml.m5.xlarge');
  });

  it('a short enum is listed in full', () => {
    const request = pytorchRequest();
    request['AlgorithmSpecification'].TrainingInputMode = 'Stream';
    expect(only(validateCreateTrainingJobRequest(request)).message).toContain('allowed: Pipe, File, FastFile');
  });

  it('MaxRuntimeInSeconds 0 is below its minimum', () => {
    const request = pytorchRequest();
    request['StoppingCondition'].MaxRuntimeInSeconds = 0;
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: 'StoppingCondition.MaxRuntimeInSeconds', rule: 'min' });
    expect(violation.message).toBe('StoppingCondition.MaxRuntimeInSeconds is 0; MaxRuntimeInSeconds needs at least 1.');
  });

  it('a missing RoleArn is required', () => {
    const { RoleArn: _, ...request } = pytorchRequest();
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toStrictEqual({
      path: 'RoleArn',
      rule: 'required',
      message: 'RoleArn is missing; CreateTrainingJobRequest requires it.',
    });
  });

  it('an S3 URI without a scheme breaks the S3Uri pattern', () => {
    const request = pytorchRequest();
    request['OutputDataConfig'].S3OutputPath = 'bucket/x';
    request['InputDataConfig'][1].DataSource.S3DataSource.S3Uri = 'bucket/x';
    const violations = validateCreateTrainingJobRequest(request);
    expect(violations.map((v) => [v.path, v.rule])).toStrictEqual([
      ['OutputDataConfig.S3OutputPath', 'pattern'],
      ['InputDataConfig[1].DataSource.S3DataSource.S3Uri', 'pattern'],
    ]);
    expect(violations[0]?.message).toContain('"bucket/x" does not match S3Uri\'s pattern (https|s3)://([^/]+)/?(.*)');
  });

  it('a job name over 63 characters is too long (and no longer fits the name pattern)', () => {
    const request = pytorchRequest();
    request['TrainingJobName'] = 'a'.repeat(64);
    const violations = validateCreateTrainingJobRequest(request);
    expect(violations.map((v) => [v.path, v.rule])).toStrictEqual([
      ['TrainingJobName', 'max'],
      ['TrainingJobName', 'pattern'],
    ]);
    expect(violations[0]?.message).toContain('64 characters long; TrainingJobName allows at most 63');
    request['TrainingJobName'] = 'a'.repeat(63);
    expect(validateCreateTrainingJobRequest(request)).toStrictEqual([]);
  });

  it('matches patterns against the whole value', () => {
    const request = pytorchRequest();
    request['TrainingJobName'] = 'job-1 extra';
    expect(only(validateCreateTrainingJobRequest(request))).toMatchObject({ path: 'TrainingJobName', rule: 'pattern' });
  });

  it('an unknown member is named with the closest real ones', () => {
    const request = pytorchRequest();
    request['ResourceConfig'].InstanceTyp = 'ml.m5.xlarge';
    const violation = only(validateCreateTrainingJobRequest(request));
    expect(violation).toMatchObject({ path: 'ResourceConfig.InstanceTyp', rule: 'unknown-member' });
    expect(violation.message).toMatch(/not a member of ResourceConfig; the closest members are InstanceType, /);
  });

  it('values of the wrong type are reported with what was expected', () => {
    const request = pytorchRequest();
    request['StoppingCondition'].MaxRuntimeInSeconds = '86400';
    request['ResourceConfig'].InstanceCount = 1.5;
    request['EnableNetworkIsolation'] = 'true';
    request['VpcConfig'] = null;
    request['HyperParameters']['epochs'] = 10;
    expect(validateCreateTrainingJobRequest(request).map((v) => [v.path, v.rule, v.message])).toStrictEqual([
      ['StoppingCondition.MaxRuntimeInSeconds', 'type', 'StoppingCondition.MaxRuntimeInSeconds must be an integer (MaxRuntimeInSeconds), but is "86400".'],
      ['ResourceConfig.InstanceCount', 'type', 'ResourceConfig.InstanceCount must be an integer (TrainingInstanceCount), but is number 1.5.'],
      ["HyperParameters['epochs']", 'type', "HyperParameters['epochs'] must be a string (HyperParameterValue), but is number 10."],
      ['EnableNetworkIsolation', 'type', 'EnableNetworkIsolation must be true or false (Boolean), but is "true".'],
      ['VpcConfig', 'type', 'VpcConfig must be an object (structure VpcConfig), but is null.'],
    ]);
  });

  it('list sizes are checked', () => {
    const request = pytorchRequest();
    request['InputDataConfig'] = [];
    expect(only(validateCreateTrainingJobRequest(request))).toMatchObject({ path: 'InputDataConfig', rule: 'min' });
    request['InputDataConfig'] = { train: 's3://b/x' };
    expect(only(validateCreateTrainingJobRequest(request))).toMatchObject({ path: 'InputDataConfig', rule: 'type' });
  });

  it('something that is not an object at all is a type violation at the root', () => {
    expect(validateCreateTrainingJobRequest('job')).toStrictEqual([
      { path: '', rule: 'type', message: 'CreateTrainingJobRequest must be an object (structure CreateTrainingJobRequest), but is "job".' },
    ]);
  });
});

describe('pipeline expressions in a request', () => {
  it('are accepted wherever a single value goes', () => {
    const request = pytorchRequest();
    request['TrainingJobName'] = { Get: 'Parameters.JobName' };
    request['ResourceConfig'].InstanceType = { Get: 'Parameters.TrainingInstanceType' };
    request['ResourceConfig'].InstanceCount = { Get: 'Parameters.TrainingInstanceCount' };
    request['EnableNetworkIsolation'] = { Get: 'Parameters.Isolate' };
    request['OutputDataConfig'].S3OutputPath = { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Execution.PipelineExecutionId' }] } };
    request['InputDataConfig'][0].DataSource.S3DataSource.S3Uri = { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" };
    request['HyperParameters']['threshold'] = { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Eval.PropertyFiles.Report' }, Path: 'best' } };
    expect(validateCreateTrainingJobRequest(request)).toStrictEqual([]);
  });

  it('cannot stand for a whole structure, list or map', () => {
    const request = pytorchRequest();
    request['AlgorithmSpecification'] = { Get: 'Parameters.Algorithm' };
    request['InputDataConfig'] = { Get: 'Parameters.Channels' };
    expect(validateCreateTrainingJobRequest(request).map((v) => [v.path, v.rule])).toStrictEqual([
      ['AlgorithmSpecification', 'type'],
      ['InputDataConfig', 'type'],
    ]);
  });
});

describe('patterns that need the u flag or Java translation', () => {
  it('\\p{L} in tag keys and values accepts letters beyond ASCII', () => {
    const request = pytorchRequest();
    request['Tags'] = [{ Key: 'projekt-ü', Value: 'wert é:1' }];
    expect(validateCreateTrainingJobRequest(request)).toStrictEqual([]);
    request['Tags'] = [{ Key: 'bad#key', Value: 'v' }];
    expect(only(validateCreateTrainingJobRequest(request))).toMatchObject({ path: 'Tags[0].Key', rule: 'pattern' });
  });

  it("Java's \\p{Alnum} in the credentials provider ARN is checked as ASCII letters and digits", () => {
    const request = pytorchRequest();
    const authConfig = { TrainingRepositoryCredentialsProviderArn: 'arn:aws:lambda:us-west-2:123456789012:function:creds' };
    request['AlgorithmSpecification'].TrainingImageConfig = {
      TrainingRepositoryAccessMode: 'Vpc',
      TrainingRepositoryAuthConfig: authConfig,
    };
    expect(validateCreateTrainingJobRequest(request)).toStrictEqual([]);
    authConfig.TrainingRepositoryCredentialsProviderArn = 'arn:aws:lambda:us-wést-2:123456789012:function:creds';
    expect(only(validateCreateTrainingJobRequest(request))).toMatchObject({
      path: 'AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAuthConfig.TrainingRepositoryCredentialsProviderArn',
      rule: 'pattern',
    });
  });
});

describe('validateStepName', () => {
  it('accepts names of letters, digits, - and _ up to 64 characters', () => {
    expect(validateStepName('TrainPyTorch')).toStrictEqual([]);
    expect(validateStepName('train_step-2')).toStrictEqual([]);
    expect(validateStepName('s'.repeat(64))).toStrictEqual([]);
  });

  it('rejects longer names, other characters and non-strings', () => {
    expect(only(validateStepName('s'.repeat(65)))).toMatchObject({ path: 'Name', rule: 'max' });
    expect(only(validateStepName('Train PyTorch'))).toMatchObject({ path: 'Name', rule: 'pattern' });
    expect(only(validateStepName('Train.PyTorch', 'Steps[1].Name'))).toMatchObject({ path: 'Steps[1].Name', rule: 'pattern' });
    expect(only(validateStepName(5))).toMatchObject({ path: 'Name', rule: 'type' });
  });
});
