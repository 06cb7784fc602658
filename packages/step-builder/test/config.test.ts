import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AWS_REGION_BY_CODE,
  basePipelineConfigShape,
  checkFieldLists,
  withoutFieldLists,
  ConfigValidationError,
  fieldListShape,
  invalidRegionMessage,
  isIso8601Duration,
  parseConfig,
  trainingConfigShape,
} from '../src/index.js';
import { validBaseConfig } from './support/example-builder.js';

const baseSchema = z.object(basePipelineConfigShape);

function issuesOf(run: () => unknown): ConfigValidationError['issues'] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('base pipeline config: required fields', () => {
  it.each(['author', 'bucket', 'role', 'region', 'service_name', 'pipeline_version'])('%s is required and named when missing', (field) => {
    const { [field as keyof typeof validBaseConfig]: _dropped, ...rest } = validBaseConfig;
    expect(issuesOf(() => parseConfig(baseSchema, rest, 'Base'))).toEqual([{ field, message: 'required field is missing (expected string)' }]);
  });

  it('names every missing field at once', () => {
    expect(issuesOf(() => parseConfig(baseSchema, {}, 'Base')).map((i) => i.field)).toEqual([
      'author',
      'bucket',
      'role',
      'region',
      'service_name',
      'pipeline_version',
    ]);
  });

  it('says what was wrong and where in the error message', () => {
    expect(() => parseConfig(baseSchema, { ...validBaseConfig, author: undefined }, 'PyTorchTraining', 'configs/pt.json')).toThrow(
      'Invalid PyTorchTraining config (configs/pt.json):\n  - author: required field is missing (expected string)',
    );
  });

  it('rejects an author that is empty', () => {
    const [issue] = issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, author: '' }, 'Base'));
    expect(issue?.field).toBe('author');
  });

  it('rejects a bucket that is not an S3 bucket name', () => {
    expect(issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, bucket: 'My_Bucket' }, 'Base'))).toEqual([
      { field: 'bucket', message: 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens (got "My_Bucket")' },
    ]);
  });

  it('rejects a role that is not an IAM role ARN', () => {
    expect(issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, role: 'my-role' }, 'Base'))).toEqual([
      { field: 'role', message: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerRole (got "my-role")' },
    ]);
  });

  it('rejects a field of the wrong type with what it got', () => {
    const [issue] = issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, pipeline_version: 1 }, 'Base'));
    expect(issue).toEqual({ field: 'pipeline_version', message: expect.stringContaining('expected string') });
    expect(issue?.message).toContain('(got 1)');
  });
});

describe('base pipeline config: region', () => {
  it.each(['XX', 'na', 'us-east-1', ''])("rejects %j with the reference's message", (region) => {
    expect(issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, region }, 'Base'))).toEqual([
      { field: 'region', message: `Invalid custom region code: ${region}. Must be one of ['NA','EU','FE']` },
    ]);
  });

  it('formats the message exactly like the reference', () => {
    expect(invalidRegionMessage('XX')).toBe("Invalid custom region code: XX. Must be one of ['NA','EU','FE']");
  });

  it.each([
    ['NA', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['FE', 'us-west-2'],
  ])('maps %s to %s', (region, awsRegion) => {
    expect(parseConfig(baseSchema, { ...validBaseConfig, region }, 'Base').aws_region).toBe(awsRegion);
    expect(AWS_REGION_BY_CODE[region as keyof typeof AWS_REGION_BY_CODE]).toBe(awsRegion);
  });
});

describe('base pipeline config: defaults and derived fields', () => {
  it("defaults model_class to 'xgboost' and current_date to today", () => {
    const config = parseConfig(baseSchema, validBaseConfig, 'Base');
    expect(config.model_class).toBe('xgboost');
    expect(config.current_date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('derives pipeline_name as {author}-{service_name}-{model_class}-{region}', () => {
    const config = parseConfig(baseSchema, { ...validBaseConfig, model_class: 'pytorch', region: 'EU' }, 'Base');
    expect(config.pipeline_name).toBe('alice-fraud-pytorch-EU');
  });

  it('derives pipeline_s3_loc as s3://{bucket}/MODS/{pipeline_name}_{pipeline_version}', () => {
    const config = parseConfig(baseSchema, { ...validBaseConfig, model_class: 'pytorch' }, 'Base');
    expect(config.pipeline_s3_loc).toBe('s3://my-bucket/MODS/alice-fraud-pytorch-NA_1.2.0');
  });

  it('derives pipeline_description as {service_name} {model_class} Model {region}', () => {
    expect(parseConfig(baseSchema, { ...validBaseConfig, region: 'FE' }, 'Base').pipeline_description).toBe('fraud xgboost Model FE');
  });

  it('rejects a current_date that is not YYYY-MM-DD', () => {
    expect(issuesOf(() => parseConfig(baseSchema, { ...validBaseConfig, current_date: '16/08/2025' }, 'Base'))).toEqual([
      { field: 'current_date', message: 'must be a date YYYY-MM-DD (got "16/08/2025")' },
    ]);
  });
});

describe('training config fields', () => {
  const schema = z.strictObject({
    ...trainingConfigShape({
      frameworkLabel: 'XGBoost',
      instanceTypes: ['ml.m5.xlarge', 'ml.m5.2xlarge'],
      defaultInstanceType: 'ml.m5.xlarge',
      defaultFrameworkVersion: '1.7-1',
      defaultPyVersion: 'py3',
    }),
    hyperparameters: z.record(z.string(), z.unknown()),
  });
  const valid = { ...validBaseConfig, training_entry_point: 'train.py', source_dir: 's3://my-bucket/code.tar.gz', hyperparameters: {} };

  it('applies the SageMaker defaults: 1 instance, 30 GB, 86400 s, caching for P30D', () => {
    const config = parseConfig(schema, valid, 'XGBoostTraining');
    expect(config).toMatchObject({
      training_instance_type: 'ml.m5.xlarge',
      training_instance_count: 1,
      training_volume_size: 30,
      max_runtime_in_seconds: 86_400,
      framework_version: '1.7-1',
      py_version: 'py3',
      enable_caching: true,
      cache_expire_after: 'P30D',
      debugger_hook_config: true,
      disable_profiler: true,
    });
  });

  it('names the framework and the allowed instance types when the type is not allowed', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, training_instance_type: 'ml.t2.nano' }, 'XGBoostTraining'))).toEqual([
      { field: 'training_instance_type', message: 'Invalid training instance type for XGBoost: ml.t2.nano. Must be one of: ml.m5.xlarge, ml.m5.2xlarge' },
    ]);
  });

  it('requires the entry point when the builder gives no default', () => {
    const { training_entry_point: _e, ...rest } = valid;
    expect(issuesOf(() => parseConfig(schema, rest, 'XGBoostTraining'))).toEqual([
      { field: 'training_entry_point', message: 'required field is missing (expected string)' },
    ]);
  });

  it.each([
    ['training_instance_count', 0],
    ['training_volume_size', 0],
    ['training_instance_count', 1.5],
    ['max_runtime_in_seconds', 0],
  ])('rejects %s = %j', (field, value) => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, [field]: value }, 'XGBoostTraining')).map((i) => i.field)).toEqual([field]);
  });

  it('requires source_dir to be an s3:// URI', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, source_dir: './code' }, 'XGBoostTraining'))).toEqual([
      {
        field: 'source_dir',
        message: 'must be the s3:// URI of the packaged training code, a .tar.gz (for example s3://bucket/code/sourcedir.tar.gz) (got "./code")',
      },
    ]);
  });

  it('requires a Python entry point relative to source_dir', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, training_entry_point: '/abs/train.sh' }, 'XGBoostTraining'))[0]?.message).toBe(
      'must be a Python file name ending in .py, relative to source_dir (got "/abs/train.sh")',
    );
  });

  it('requires the cache expiry to be an ISO-8601 duration', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, cache_expire_after: '30d' }, 'XGBoostTraining'))).toEqual([
      { field: 'cache_expire_after', message: `must be an ISO-8601 duration such as 'P30D' or 'PT1H' (got "30d")` },
    ]);
  });

  it('names unknown fields in a strict config', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, instance_typ: 'ml.m5.xlarge' }, 'XGBoostTraining'))).toEqual([
      { field: '(config)', message: "unknown field(s) 'instance_typ': remove or fix the spelling" },
    ]);
  });

  it('rejects environment variable names SageMaker refuses', () => {
    expect(issuesOf(() => parseConfig(schema, { ...valid, env: { 'BAD-NAME': 'x' } }, 'XGBoostTraining'))[0]?.field).toBe('env.BAD-NAME');
  });
});

describe('isIso8601Duration', () => {
  it.each(['P30D', 'PT1H', 'P1Y2M3W4DT5H6M7S', 'PT0.5S', 'P1W'])('accepts %s', (value) => {
    expect(isIso8601Duration(value)).toBe(true);
  });

  it.each(['P', 'PT', '30D', 'P30', 'P1DT', 'p30d', 'P-1D'])('rejects %s', (value) => {
    expect(isIso8601Duration(value)).toBe(false);
  });
});

describe('hyperparameter field lists', () => {
  it('withoutFieldLists leaves the model settings, without the lists that describe the data to a script', () => {
    const hyperparameters = { full_field_list: ['id', 'y'], id_name: 'id', label_name: 'y', multiclass_categories: [0, 1], num_round: 10, eta: 0.1 };
    expect(withoutFieldLists(hyperparameters)).toEqual({ num_round: 10, eta: 0.1 });
    expect(hyperparameters).toHaveProperty('full_field_list');
  });

  const schema = z.looseObject(fieldListShape).superRefine((value, ctx) => checkFieldLists(value, ctx, ' (from hyperparameters)'));
  const full = ['id', 'f1', 'f2', 'label'];

  it('accepts lists that agree', () => {
    expect(schema.safeParse({ full_field_list: full, tab_field_list: ['f1'], cat_field_list: ['f2'], id_name: 'id', label_name: 'label' }).success).toBe(true);
  });

  it.each([
    [{ tab_field_list: ['f9'] }, 'tab_field_list', 'All fields in tab_field_list must be in full_field_list (from hyperparameters) (not found: f9)'],
    [{ cat_field_list: ['f1', 'x'] }, 'cat_field_list', 'All fields in cat_field_list must be in full_field_list (from hyperparameters) (not found: x)'],
    [{ label_name: 'target' }, 'label_name', "label_name 'target' must be in full_field_list (from hyperparameters)"],
    [{ id_name: 'key' }, 'id_name', "id_name 'key' must be in full_field_list (from hyperparameters)"],
  ])('rejects %j', (extra, field, message) => {
    const result = schema.safeParse({ full_field_list: full, ...extra });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([{ path: field, message }]);
  });

  it('requires the full field list when names are given', () => {
    const result = schema.safeParse({ label_name: 'label' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['full_field_list must be provided when field names or lists are given (from hyperparameters)']);
  });
});
