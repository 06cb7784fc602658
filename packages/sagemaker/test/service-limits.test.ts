import { describe, expect, it } from 'vitest';
import { SERVICE_LIMITS, TRAINING_MAX_RUNTIME_SECONDS, serviceLimitViolations } from '../src/service-limits.js';
import { stepTypeVocabulary } from '../src/step-types/vocabulary.js';
import { sdkArguments, sdkSteps } from './sdk-steps.js';

const training = () => sdkArguments('sdk_pytorch_basic.json', 'TrainPyTorch');
const processing = () => sdkArguments('sdk_processing_framework_xgboost_eval.json', 'XGBoostModelEval');
const transform = () => sdkArguments('sdk_transform_batch.json', 'BatchTransform');
const createModel = () => sdkArguments('sdk_transform_batch.json', 'CreateAbaloneModel-CreateModel');

describe('the service-limit table', () => {
  it('gives every limit an id of its own, a statement and a documented source', () => {
    const ids = SERVICE_LIMITS.map((limit) => limit.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const limit of SERVICE_LIMITS) {
      expect(limit.statement.length).toBeGreaterThan(10);
      expect(limit.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/APIReference\/API_\w+\.html, \w+: "/);
    }
  });

  it('says 28 days for training', () => {
    expect(TRAINING_MAX_RUNTIME_SECONDS).toBe(2_419_200);
  });

  it.each(sdkSteps())('%s breaks none of them', (_, step) => {
    const stepType = stepTypeVocabulary(step.Type)?.stepType;
    expect(stepType).toBeDefined();
    if (stepType !== undefined) expect(serviceLimitViolations(stepType, step.Arguments)).toStrictEqual([]);
  });

  it('reads anything without throwing', () => {
    for (const limit of SERVICE_LIMITS) {
      for (const value of [undefined, null, 'x', 3, [], {}, { ProcessingInputs: 'x', PrimaryContainer: 5, StoppingCondition: [] }]) {
        expect(serviceLimitViolations(limit.stepType, value)).toStrictEqual([]);
      }
    }
  });
});

describe('training run time', () => {
  it('allows 28 days and refuses a second more, naming the source', () => {
    const args = training();
    args['StoppingCondition'] = { MaxRuntimeInSeconds: TRAINING_MAX_RUNTIME_SECONDS };
    expect(serviceLimitViolations('Training', args)).toStrictEqual([]);
    args['StoppingCondition'].MaxRuntimeInSeconds = TRAINING_MAX_RUNTIME_SECONDS + 1;
    const [violation, ...rest] = serviceLimitViolations('Training', args);
    expect(rest).toStrictEqual([]);
    expect(violation).toMatchObject({
      path: 'StoppingCondition.MaxRuntimeInSeconds',
      rule: 'service-limit',
      limit: 'training-max-runtime',
    });
    expect(violation?.message).toContain('2419201');
    expect(violation?.source).toContain('API_StoppingCondition.html');
  });

  it('leaves a run time from a parameter to run time', () => {
    const args = training();
    args['StoppingCondition'] = { MaxRuntimeInSeconds: { Get: 'Parameters.MaxRuntime' }, MaxWaitTimeInSeconds: 60 };
    expect(serviceLimitViolations('Training', args)).toStrictEqual([]);
  });

  it('needs a Spot wait time at least as long as the run time', () => {
    const args = training();
    args['StoppingCondition'] = { MaxRuntimeInSeconds: 7200, MaxWaitTimeInSeconds: 3600 };
    expect(serviceLimitViolations('Training', args)).toMatchObject([
      { path: 'StoppingCondition.MaxWaitTimeInSeconds', limit: 'training-max-wait-covers-runtime' },
    ]);
    args['StoppingCondition'].MaxWaitTimeInSeconds = 7200;
    expect(serviceLimitViolations('Training', args)).toStrictEqual([]);
  });
});

describe('processing input paths', () => {
  it('must begin with /opt/ml/processing/', () => {
    const args = processing();
    args['ProcessingInputs'][1].S3Input.LocalPath = '/opt/ml/input/eval_data';
    expect(serviceLimitViolations('Processing', args)).toMatchObject([
      { path: 'ProcessingInputs[1].S3Input.LocalPath', limit: 'processing-input-local-path', rule: 'service-limit' },
    ]);
    args['ProcessingInputs'][1].S3Input.LocalPath = '/opt/ml/processing';
    expect(serviceLimitViolations('Processing', args)).toHaveLength(1);
  });

  it('are required unless the input is AppManaged', () => {
    const args = processing();
    delete args['ProcessingInputs'][3].S3Input.LocalPath;
    expect(serviceLimitViolations('Processing', args)).toMatchObject([{ path: 'ProcessingInputs[3].S3Input.LocalPath' }]);
    args['ProcessingInputs'][3].AppManaged = true;
    expect(serviceLimitViolations('Processing', args)).toStrictEqual([]);
  });
});

describe('transform payload', () => {
  it('is at most 100 MB, also times the concurrent transforms', () => {
    const args = transform();
    args['MaxPayloadInMB'] = 100;
    expect(serviceLimitViolations('Transform', args)).toStrictEqual([]);
    args['MaxPayloadInMB'] = 101;
    expect(serviceLimitViolations('Transform', args)).toMatchObject([{ path: 'MaxPayloadInMB', limit: 'transform-max-payload' }]);
    args['MaxPayloadInMB'] = 20;
    args['MaxConcurrentTransforms'] = 6;
    const [violation] = serviceLimitViolations('Transform', args);
    expect(violation).toMatchObject({ path: 'MaxConcurrentTransforms', limit: 'transform-max-payload' });
    expect(violation?.message).toContain('120 MB');
    args['MaxConcurrentTransforms'] = 5;
    expect(serviceLimitViolations('Transform', args)).toStrictEqual([]);
  });
});

describe('model data', () => {
  it('is a .tar.gz archive unless the container serves many models', () => {
    const args = createModel();
    args['PrimaryContainer'].ModelDataUrl = 's3://my-bucket/model/';
    expect(serviceLimitViolations('CreateModel', args)).toMatchObject([{ path: 'PrimaryContainer.ModelDataUrl', limit: 'model-data-url-archive' }]);
    args['PrimaryContainer'].Mode = 'MultiModel';
    expect(serviceLimitViolations('CreateModel', args)).toStrictEqual([]);
    const pipelineModel = {
      Containers: [
        { Image: 'i', ModelDataUrl: 's3://b/a.tar.gz' },
        { Image: 'i', ModelDataUrl: 's3://b/b.zip' },
      ],
    };
    expect(serviceLimitViolations('CreateModel', pipelineModel)).toMatchObject([{ path: 'Containers[1].ModelDataUrl' }]);
  });
});

describe('training container', () => {
  it('refuses an AlgorithmSpecification with neither a TrainingImage nor an AlgorithmName', () => {
    const args = training();
    const { TrainingImage: _image, ...rest } = args['AlgorithmSpecification'] as Record<string, unknown>;
    args['AlgorithmSpecification'] = rest;
    expect(serviceLimitViolations('Training', args)).toMatchObject([{ path: 'AlgorithmSpecification', limit: 'training-image-or-algorithm' }]);
    args['AlgorithmSpecification'] = { ...rest, AlgorithmName: 'arn:aws:sagemaker:us-east-1:123456789012:algorithm/my-algorithm' };
    expect(serviceLimitViolations('Training', args)).toStrictEqual([]);
    args['AlgorithmSpecification'] = { ...rest, TrainingImage: { Get: 'Parameters.Image' } };
    expect(serviceLimitViolations('Training', args)).toStrictEqual([]);
  });
});
