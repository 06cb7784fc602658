import { InMemoryArtifactStore, parseBuilderConfig } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { loadSdkStepsCase, missingFromInputs, sdkSessionSettings, sdkStepNamed } from '../test-fixtures/sdk-steps.js';
import { xgboostModelEval, XGBoostModelEvalStepBuilder } from './index.js';

// sdk_processing_framework_xgboost_eval.json: XGBoostProcessor(...).run(code, source_dir, ...) in a ProcessingStep,
// SDK v2.257.6. The same settings go through our config; every part of the step the builder controls is compared.
const sdkCase = loadSdkStepsCase('sdk_processing_framework_xgboost_eval.json');
const sdk = sdkStepNamed(sdkCase, 'XGBoostModelEval');
const sdkArgs = sdk.Arguments;
type Input = { InputName: string; S3Input: Record<string, unknown> };
type Output = { OutputName: string; S3Output: Record<string, unknown> };
const sdkInputs = sdkArgs['ProcessingInputs'] as Input[];
const sdkOutputs = (sdkArgs['ProcessingOutputConfig'] as { Outputs: Output[] }).Outputs;
const sdkInput = (name: string) => sdkInputs.find((i) => i.InputName === name);

const TRANSCRIBED = [
  "SOURCE_DIR = 's3://my-bucket/code/eval/sourcedir.tar.gz'",
  "framework_version='1.7-1', py_version='py3', role=ROLE, instance_type='ml.m5.xlarge', instance_count=1",
  "code='xgboost_model_evaluation.py', source_dir=SOURCE_DIR",
  "destination='/opt/ml/processing/input/model', input_name='model_input'",
  "destination='/opt/ml/processing/input/eval_data'",
  "destination='s3://my-bucket/xgb-eval/output'",
  "arguments=['--job_type', 'calibration']",
];

const MODEL = { Get: 'Steps.XGBoostTraining.ModelArtifacts.S3ModelArtifacts' };
const EVAL_DATA = { Get: 'Parameters.EvaluationData' };

const config = parseBuilderConfig(xgboostModelEval, {
  author: 'sdk',
  ...sdkSessionSettings(sdkCase),
  service_name: 'sdkcase',
  pipeline_version: '1.0.0',
  processing_source_dir: 's3://my-bucket/code/eval/sourcedir.tar.gz',
  processing_entry_point: 'xgboost_model_evaluation.py',
  processing_framework_version: '1.7-1',
  processing_instance_type: 'ml.m5.xlarge',
  processing_instance_count: 1,
  job_type: 'calibration',
  id_field: 'id',
  label_field: 'label',
  enable_caching: false,
});
const store = new InMemoryArtifactStore();
const ours = await new XGBoostModelEvalStepBuilder(config, { artifactStore: store }).createStep({
  inputs: { model_input: MODEL, processed_data: EVAL_DATA },
  outputs: { eval_output: 's3://my-bucket/xgb-eval/output' },
});
const ourInputs = ours.Arguments.ProcessingInputs ?? [];
const ourInput = (name: string) => ourInputs.find((i) => i.InputName === name);
const ourOutputs = ours.Arguments.ProcessingOutputConfig?.Outputs ?? [];

describe('XGBoostModelEval reproduces the SDK step (sdk_processing_framework_xgboost_eval.json)', () => {
  it('is given the settings the SDK call was given', () => {
    expect(missingFromInputs(sdkCase, TRANSCRIBED)).toEqual([]);
    expect(sdkInput('model_input')?.S3Input['S3Uri']).toEqual(MODEL);
    expect(sdkInput('eval_data')?.S3Input['S3Uri']).toEqual(EVAL_DATA);
  });

  it('asks for the same resources, image, launcher command, arguments and role', () => {
    expect(ours.Type).toBe(sdk.Type);
    expect(ours.Arguments.ProcessingResources).toEqual(sdkArgs['ProcessingResources']);
    expect(ours.Arguments.AppSpecification).toEqual(sdkArgs['AppSpecification']);
    expect(ours.Arguments.RoleArn).toBe(sdkArgs['RoleArn']);
  });

  it('mounts the model and the source bundle exactly as the SDK', () => {
    expect(ourInput('model_input')).toEqual(sdkInput('model_input'));
    expect(ourInput('code')).toEqual(sdkInput('code'));
  });

  it('mounts the evaluation data at the same path from the same source', () => {
    const { InputName: _ours, ...ourRest } = ourInput('processed_data') ?? {};
    const { InputName: _sdk, ...sdkRest } = sdkInput('eval_data') ?? {};
    expect(ourRest).toEqual(sdkRest);
  });

  it('mounts a launcher as input entrypoint the way the SDK does, at a content-addressed key', () => {
    const { S3Uri: ourUri, ...ourRest } = ourInput('entrypoint')?.S3Input ?? {};
    const { S3Uri: sdkUri, ...sdkRest } = sdkInput('entrypoint')?.S3Input ?? {};
    expect(ourRest).toEqual(sdkRest);
    const keyShape = /^s3:\/\/my-bucket\/[^/]+\/code\/[0-9a-f]{64}\/runproc\.sh$/;
    expect(sdkUri).toMatch(keyShape);
    expect(ourUri).toMatch(keyShape);
    expect(store.artifacts.map((a) => a.s3Uri)).toEqual([ourUri]);
    expect(sdkCase._meta.s3_calls_recorded_not_performed?.map((c) => c['uri'])).toEqual([sdkUri]);
  });

  it('sends eval_output to the given destination and metrics_output, given none, to a per-execution location', () => {
    expect(ourOutputs[0]).toEqual(sdkOutputs[0]);
    const sdkJoin = (sdkOutputs[1]!.S3Output['S3Uri'] as { 'Std:Join': { Values: unknown[] } })['Std:Join'].Values;
    const ourJoin = (ourOutputs[1]!.S3Output!.S3Uri as unknown as { 'Std:Join': { Values: unknown[] } })['Std:Join'].Values;
    // Same shape: 's3:/', bucket, <pipeline>, execution id, <step>, 'output', name.
    expect([ourJoin[0], ourJoin[1], ourJoin[3], ourJoin[5], ourJoin[6]]).toEqual([sdkJoin[0], sdkJoin[1], sdkJoin[3], sdkJoin[5], sdkJoin[6]]);
    expect([ourJoin[2], ourJoin[4]]).toEqual(['sdk-sdkcase-xgboost-FE', 'XGBoostModelEval-Calibration']);
    expect([sdkJoin[2], sdkJoin[4]]).toEqual(['XGBoostEvalPipeline', 'XGBoostModelEval']);
  });

  it('publishes the metrics output as a property file, like the SDK call', () => {
    expect(ours.PropertyFiles?.map((f) => [f.PropertyFileName, f.OutputName])).toEqual(sdk.PropertyFiles?.map((f) => [f['PropertyFileName'], f['OutputName']]));
  });

  describe('where it differs by design', () => {
    it('names the step and the data input after our spec, and appends the job type to the step name', () => {
      expect([sdk.Name, ours.Name]).toEqual(['XGBoostModelEval', 'XGBoostModelEval-Calibration']);
      expect(ourInputs.map((i) => i.InputName)).toEqual(sdkInputs.map((i) => (i.InputName === 'eval_data' ? 'processed_data' : i.InputName)));
    });

    it('writes its own launcher, under our pipeline name', () => {
      expect(ourInput('entrypoint')?.S3Input?.S3Uri).toMatch(/^s3:\/\/my-bucket\/sdk-sdkcase-xgboost-FE\/code\//);
      expect(ourInput('entrypoint')?.S3Input?.S3Uri).not.toBe(sdkInput('entrypoint')?.S3Input['S3Uri']);
    });

    it('sets the variables the contract requires (the SDK call set none)', () => {
      expect(sdkArgs['Environment']).toBeUndefined();
      expect(ours.Arguments.Environment).toEqual({ ID_FIELD: 'id', LABEL_FIELD: 'label' });
    });

    it('reads the metrics from metrics.json, the file the script writes', () => {
      expect(sdk.PropertyFiles?.[0]?.['FilePath']).toBe('evaluation.json');
      expect(ours.PropertyFiles?.[0]?.FilePath).toBe('metrics.json');
    });

    it('states caching off as CacheConfig {Enabled: false} where the SDK leaves the key out', () => {
      expect(sdk.CacheConfig).toBeUndefined();
      expect(ours.CacheConfig).toEqual({ Enabled: false });
    });
  });
});
