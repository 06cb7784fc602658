import { parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { loadSdkStepsCase, missingFromInputs, sdkSessionSettings, sdkStepNamed } from '../test-fixtures/sdk-steps.js';
import { tabularPreprocessing, TabularPreprocessingStepBuilder } from './index.js';

// sdk_processing_sklearn_tabular.json: SKLearnProcessor(...).run(...) in a ProcessingStep, SDK v2.257.6. The same
// settings go through our config; every part of the step the builder controls is compared.
const sdkCase = loadSdkStepsCase('sdk_processing_sklearn_tabular.json');
const sdk = sdkStepNamed(sdkCase, 'TabularPreprocessing-Training');
const sdkArgs = sdk.Arguments;

/** The SDK call's arguments as our config spells them. */
const TRANSCRIBED = [
  "framework_version='1.2-1'",
  "instance_type='ml.m5.2xlarge'",
  'instance_count=1',
  "'LABEL_FIELD': 'label'",
  "'TRAIN_RATIO': '0.7'",
  "code='s3://my-bucket/code/tabular_preprocess.py'",
  "source='s3://my-bucket/raw/data'",
  "destination='s3://my-bucket/processed'",
  "arguments=['--job_type', 'training']",
  "CacheConfig(enable_caching=True, expire_after='P30D')",
];

const config = parseBuilderConfig(tabularPreprocessing, {
  author: 'sdk',
  ...sdkSessionSettings(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  processing_source_dir: 's3://my-bucket/code',
  processing_entry_point: 'tabular_preprocess.py',
  processing_framework_version: '1.2-1',
  processing_instance_type: 'ml.m5.2xlarge',
  processing_instance_count: 1,
  job_type: 'training',
  label_field: 'label',
  train_ratio: 0.7,
  enable_caching: true,
  cache_expire_after: 'P30D',
});
const ours = await new TabularPreprocessingStepBuilder(config).createStep({
  inputs: { DATA: 's3://my-bucket/raw/data' },
  outputs: { processed_data: 's3://my-bucket/processed' },
});

describe('TabularPreprocessing reproduces the SDK step (sdk_processing_sklearn_tabular.json)', () => {
  it('is given the settings the SDK call was given', () => {
    expect(missingFromInputs(sdkCase, TRANSCRIBED)).toEqual([]);
    expect(config).toMatchObject({ aws_region: 'us-west-2', bucket: 'my-bucket', role: 'arn:aws:iam::123456789012:role/SageMakerRole' });
  });

  it('has the same name, type and cache config', () => {
    expect(ours.Name).toBe(sdk.Name);
    expect(ours.Type).toBe(sdk.Type);
    expect(ours.CacheConfig).toEqual(sdk.CacheConfig);
    expect(ours.DependsOn).toEqual(sdk.DependsOn);
  });

  it('asks for the same resources, image, entry point, arguments and role', () => {
    expect(ours.Arguments.ProcessingResources).toEqual(sdkArgs['ProcessingResources']);
    expect(ours.Arguments.AppSpecification).toEqual(sdkArgs['AppSpecification']);
    expect(ours.Arguments.RoleArn).toBe(sdkArgs['RoleArn']);
  });

  it('mounts the same inputs (DATA, then the script as code) and collects the same output', () => {
    expect(ours.Arguments.ProcessingInputs).toEqual(sdkArgs['ProcessingInputs']);
    expect(ours.Arguments.ProcessingOutputConfig).toEqual(sdkArgs['ProcessingOutputConfig']);
  });

  it('emits the same request members', () => {
    expect(Object.keys(ours.Arguments).sort()).toEqual(Object.keys(sdkArgs).sort());
  });

  describe('where it differs by design', () => {
    it("sets every variable of the contract, not only the two the SDK call's env named", () => {
      // The script reads TEST_VAL_RATIO and the four column lists too; the contract makes the builder set them all.
      expect(ours.Arguments.Environment).toEqual({
        ...(sdkArgs['Environment'] as Record<string, string>),
        TEST_VAL_RATIO: '0.5',
        CATEGORICAL_COLUMNS: '',
        NUMERICAL_COLUMNS: '',
        TEXT_COLUMNS: '',
        DATE_COLUMNS: '',
      });
    });
  });
});
