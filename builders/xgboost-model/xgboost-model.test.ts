import { resolvePropertyPath } from '@stepscore/sagemaker';
import { ConfigValidationError, parseBuilderConfig } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { xgboostModel, type XGBoostModelConfig, xgboostModelDefaultConfig, xgboostModelSpec, XGBoostModelStepBuilder } from './index.js';

const MODEL_DATA = 's3://stepscore-example-bucket/models/xgboost/model.tar.gz';
const { inference_entry_point: _e, source_dir: _s, ...nativeConfig } = xgboostModelDefaultConfig;

function config(overrides: Record<string, unknown> = {}, base: Record<string, unknown> = xgboostModelDefaultConfig): XGBoostModelConfig {
  return parseBuilderConfig(xgboostModel, { ...base, ...overrides });
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(xgboostModel, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('XGBoostModel config', () => {
  it('takes the inference script and its bundle together or not at all', () => {
    const [issue, ...others] = issuesOf({ ...nativeConfig, inference_entry_point: 'inference.py' });
    expect(others).toEqual([]);
    expect(issue?.field).toBe('source_dir');
    expect(issue?.message).toMatch(
      /^source_dir is required with inference_entry_point: give both \(script mode\) or neither \(the container serves the model itself\)/,
    );
    expect(issuesOf({ ...nativeConfig, source_dir: xgboostModelDefaultConfig.source_dir })[0]?.field).toBe('inference_entry_point');
  });

  it("names a version outside the image table, and py3 is XGBoost's only Python", () => {
    expect(issuesOf({ ...xgboostModelDefaultConfig, framework_version: '1.3-1' })[0]?.message).toBe(
      'Invalid XGBoost framework version: 1.3-1. Must be one of: 1.2-1, 1.5-1, 1.7-1, 3.0-5',
    );
    expect(issuesOf({ ...xgboostModelDefaultConfig, py_version: 'py310' })).toEqual([
      { field: 'py_version', message: 'XGBoost 1.7-1 has no inference image for py310: use py3' },
    ]);
  });

  it('wants a .tar.gz bundle as source_dir', () => {
    expect(issuesOf({ ...xgboostModelDefaultConfig, source_dir: 's3://stepscore-example-bucket/code/inference.py' })[0]?.field).toBe('source_dir');
  });
});

describe('XGBoostModel spec', () => {
  it('has no contract and offers the model name at a real DescribeModel property', () => {
    const spec = StepSpecification.create(xgboostModelSpec);
    expect(spec.scriptContract).toBeUndefined();
    expect(resolvePropertyPath(spec.getOutput('model_name')?.propertyPath ?? '', 'DescribeModelOutput')).toMatchObject({ ok: true });
  });
});

describe('the XGBoostModel step', () => {
  it('in script mode runs the inference script from the S3 bundle (no repack)', async () => {
    const step = await new XGBoostModelStepBuilder(config()).createStep({ inputs: { model_data: MODEL_DATA } });
    expect(step).toMatchObject({ Name: 'XGBoostModel-CreateModel', Type: 'Model' });
    expect(step).not.toHaveProperty('CacheConfig');
    expect(step.Arguments).toEqual({
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      PrimaryContainer: {
        Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
        Environment: {
          SAGEMAKER_PROGRAM: 'inference.py',
          SAGEMAKER_SUBMIT_DIRECTORY: 's3://stepscore-example-bucket/code/xgboost-inference/sourcedir.tar.gz',
          SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
          SAGEMAKER_REGION: 'us-east-1',
        },
        ModelDataUrl: MODEL_DATA,
      },
    });
  });

  it('without a script lets the container serve the model, with only config.env', async () => {
    const step = await new XGBoostModelStepBuilder(config({ env: { SAGEMAKER_MODEL_SERVER_WORKERS: '2' } }, nativeConfig)).createStep({
      inputs: { model_data: MODEL_DATA },
    });
    expect(step.Arguments.PrimaryContainer?.Environment).toEqual({ SAGEMAKER_MODEL_SERVER_WORKERS: '2' });
  });

  it('uses the region of the config for the image', () => {
    expect(new XGBoostModelStepBuilder(config({ region: 'FE' })).getImageUri()).toBe('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1');
  });

  it('refuses an entry point without a bundle even when the config was not parsed', () => {
    const unparsed = { ...config(), source_dir: undefined } as XGBoostModelConfig;
    expect(() => new XGBoostModelStepBuilder(unparsed)).toThrow(
      'XGBoostModelConfig missing required attribute: source_dir (needed with inference_entry_point)',
    );
  });
});
