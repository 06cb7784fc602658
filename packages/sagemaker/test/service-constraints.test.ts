import { describe, expect, it } from 'vitest';
import {
  processingInstanceTypes,
  serviceConstraints,
  transformInstanceTypes,
  validateCreateRequest,
  validateStepArguments,
} from '../src/service-constraints.js';
import type { ConstraintViolation } from '../src/shape-validator.js';
import { STEP_TYPE_NAMES, STEP_TYPES, stepTypeVocabulary } from '../src/step-types/vocabulary.js';
import { sdkArguments, sdkSteps } from './sdk-steps.js';

const steps = sdkSteps();

function only(violations: readonly ConstraintViolation[]): ConstraintViolation {
  expect(violations).toHaveLength(1);
  return violations[0] as ConstraintViolation;
}

const processing = () => sdkArguments('sdk_processing_framework_xgboost_eval.json', 'XGBoostModelEval');
const sklearnProcessing = () => sdkArguments('sdk_processing_sklearn_tabular.json', 'TabularPreprocessing-Training');
const transform = () => sdkArguments('sdk_transform_batch.json', 'BatchTransform');
const createModel = () => sdkArguments('sdk_model_pytorch.json', 'CreatePyTorchModel-CreateModel');
const training = () => sdkArguments('sdk_pytorch_basic.json', 'TrainPyTorch');

describe('the generated service constraints', () => {
  it('hold every step type request shape and the pipeline shapes, with every shape they refer to', () => {
    const shapes = serviceConstraints.shapes;
    for (const stepType of STEP_TYPE_NAMES) {
      expect(serviceConstraints._meta.roots).toContain(STEP_TYPES[stepType].requestShape);
      expect(shapes[STEP_TYPES[stepType].requestShape]?.type).toBe('structure');
      expect(shapes[STEP_TYPES[stepType].requestShape]?.members).toHaveProperty(STEP_TYPES[stepType].jobNameMember);
    }
    for (const name of ['StepName', 'PipelineName', 'PipelineDefinition']) expect(shapes[name]).toBeDefined();
    for (const shape of Object.values(shapes)) {
      for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) {
        if (ref !== undefined) expect(shapes[ref], `shape ${ref}`).toBeDefined();
      }
    }
    expect(serviceConstraints._meta.botocoreVersion).toBe('1.43.11');
    expect(serviceConstraints._meta.regenerate).toContain('pnpm generate:constraints');
  });

  it('list the processing and transform instance types of the service model', () => {
    const processingTypes = processingInstanceTypes();
    const transformTypes = transformInstanceTypes();
    expect(processingTypes).toHaveLength(127);
    expect(transformTypes).toHaveLength(108);
    expect([...processingTypes, ...transformTypes].every((type) => type.startsWith('ml.'))).toBe(true);
    expect(processingTypes).toContain('ml.m5.2xlarge');
    expect(transformTypes).toContain('ml.m5.xlarge');
    processingTypes.pop();
    expect(processingInstanceTypes()).toHaveLength(127);
  });
});

describe('every step of the SDK-generated pipelines', () => {
  it('covers every step type', () => {
    const types = new Set(steps.map(([, step]) => stepTypeVocabulary(step.Type)?.stepType));
    expect([...types].sort()).toStrictEqual([...STEP_TYPE_NAMES].sort());
  });

  it.each(steps)('%s validates as its type with no violations', (_, step) => {
    const vocabulary = stepTypeVocabulary(step.Type);
    expect(vocabulary).toBeDefined();
    expect(validateStepArguments(vocabulary?.stepType ?? 'Training', step.Arguments)).toStrictEqual([]);
  });

  it.each(steps)('%s validates as a complete request once given a job name', (_, step) => {
    const vocabulary = stepTypeVocabulary(step.Type);
    if (vocabulary === undefined) throw new Error(`no vocabulary for ${step.Type}`);
    expect(validateCreateRequest(vocabulary.stepType, { [vocabulary.jobNameMember]: 'job-1', ...step.Arguments })).toStrictEqual([]);
    expect(only(validateCreateRequest(vocabulary.stepType, step.Arguments))).toMatchObject({
      path: vocabulary.jobNameMember,
      rule: 'required',
    });
  });

  it("takes a step's pipeline Type as well as its registration type", () => {
    const model = createModel();
    expect(validateStepArguments('Model', model)).toStrictEqual([]);
    model['PrimaryContainer'].ContainerHostname = 'bad host';
    expect(validateStepArguments('Model', model)).toStrictEqual(validateStepArguments('CreateModel', model));
    expect(validateStepArguments('Model', model)).toHaveLength(1);
    expect(only(validateCreateRequest('Model', createModel()))).toMatchObject({ path: 'ModelName', rule: 'required' });
  });

  it('does not pass a step as another type', () => {
    const violations = validateStepArguments('Processing', transform());
    expect(violations.map((v) => [v.path, v.rule])).toContainEqual(['ModelName', 'unknown-member']);
    expect(violations.map((v) => [v.path, v.rule])).toContainEqual(['AppSpecification', 'required']);
  });
});

describe('broken step arguments are named by member path', () => {
  it('InstanceCount 0', () => {
    const args = processing();
    args['ProcessingResources'].ClusterConfig.InstanceCount = 0;
    expect(only(validateStepArguments('Processing', args))).toMatchObject({ path: 'ProcessingResources.ClusterConfig.InstanceCount', rule: 'min' });
    const batch = transform();
    batch['TransformResources'].InstanceCount = 0;
    expect(only(validateStepArguments('Transform', batch))).toMatchObject({ path: 'TransformResources.InstanceCount', rule: 'min' });
  });

  it('an instance type the job kind does not offer', () => {
    const args = sklearnProcessing();
    args['ProcessingResources'].ClusterConfig.InstanceType = 'ml.m5.huge';
    const violation = only(validateStepArguments('Processing', args));
    expect(violation).toMatchObject({ path: 'ProcessingResources.ClusterConfig.InstanceType', rule: 'enum' });
    expect(violation.message).toContain('ProcessingInstanceType');
    const batch = transform();
    batch['TransformResources'].InstanceType = 'ml.t3.medium';
    expect(only(validateStepArguments('Transform', batch))).toMatchObject({ path: 'TransformResources.InstanceType', rule: 'enum' });
  });

  it('a malformed S3 URI', () => {
    const args = processing();
    args['ProcessingInputs'][2].S3Input.S3Uri = 'my-bucket/code/eval/sourcedir.tar.gz';
    expect(only(validateStepArguments('Processing', args))).toMatchObject({ path: 'ProcessingInputs[2].S3Input.S3Uri', rule: 'pattern' });
    const batch = transform();
    batch['TransformOutput'].S3OutputPath = 's3:/my-bucket/batch-out';
    expect(only(validateStepArguments('Transform', batch))).toMatchObject({ path: 'TransformOutput.S3OutputPath', rule: 'pattern' });
  });

  it("S3DataDistributionType 'Replicated'", () => {
    const args = processing();
    args['ProcessingInputs'][0].S3Input.S3DataDistributionType = 'Replicated';
    const violation = only(validateStepArguments('Processing', args));
    expect(violation).toMatchObject({ path: 'ProcessingInputs[0].S3Input.S3DataDistributionType', rule: 'enum' });
    expect(violation.message).toContain('FullyReplicated, ShardedByS3Key');
  });

  it('names that are too long', () => {
    const model = createModel();
    model['PrimaryContainer'].ContainerHostname = 'h'.repeat(64);
    // 64 characters break both the length limit and the pattern's {0,62}.
    expect(validateStepArguments('CreateModel', model).map((v) => [v.path, v.rule])).toStrictEqual([
      ['PrimaryContainer.ContainerHostname', 'max'],
      ['PrimaryContainer.ContainerHostname', 'pattern'],
    ]);
    const train = training();
    train['InputDataConfig'][0].ChannelName = 'c'.repeat(65);
    expect(only(validateStepArguments('Training', train))).toMatchObject({ path: 'InputDataConfig[0].ChannelName', rule: 'max' });
  });

  it('a job name may be left out but, when given, is still checked', () => {
    const batch = { ...transform(), TransformJobName: 'b'.repeat(64) };
    expect(validateStepArguments('Transform', batch).map((v) => [v.path, v.rule])).toStrictEqual([
      ['TransformJobName', 'max'],
      ['TransformJobName', 'pattern'],
    ]);
    const model = { ...createModel(), ModelName: 'bad_name' };
    expect(only(validateStepArguments('CreateModel', model))).toMatchObject({ path: 'ModelName', rule: 'pattern' });
  });

  it('required members other than the job name stay required', () => {
    const { ModelName: _, ...batch } = transform();
    expect(only(validateStepArguments('Transform', batch))).toMatchObject({ path: 'ModelName', rule: 'required' });
    const { AppSpecification: __, ...args } = processing();
    expect(only(validateStepArguments('Processing', args))).toMatchObject({ path: 'AppSpecification', rule: 'required' });
  });

  it('an unknown member, with the closest real ones', () => {
    const args = { ...processing(), ProcessingOutputs: [] };
    const violation = only(validateStepArguments('Processing', args));
    expect(violation).toMatchObject({ path: 'ProcessingOutputs', rule: 'unknown-member' });
    expect(violation.message).toContain('ProcessingOutputConfig');
  });

  it('includes the service limits the model does not carry', () => {
    const args = training();
    args['StoppingCondition'] = { MaxRuntimeInSeconds: 30 * 86_400 };
    expect(only(validateStepArguments('Training', args))).toMatchObject({ path: 'StoppingCondition.MaxRuntimeInSeconds', rule: 'service-limit' });
  });
});

describe('pipeline expressions in step arguments', () => {
  it('are decided at run time wherever a single value goes', () => {
    const batch = transform();
    batch['TransformResources'].InstanceType = { Get: 'Parameters.TransformInstanceType' };
    batch['TransformResources'].InstanceCount = { Get: 'Parameters.TransformInstanceCount' };
    batch['TransformInput'].DataSource.S3DataSource.S3Uri = { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Execution.PipelineExecutionId' }] } };
    expect(validateStepArguments('Transform', batch)).toStrictEqual([]);
    const args = processing();
    args['ProcessingResources'].ClusterConfig.VolumeSizeInGB = { Get: 'Parameters.Volume' };
    args['AppSpecification'].ContainerArguments = ['--threshold', { Get: 'Parameters.Threshold' }];
    expect(validateStepArguments('Processing', args)).toStrictEqual([]);
  });

  it('cannot stand for a structure or list', () => {
    const batch = transform();
    batch['TransformInput'] = { Get: 'Parameters.Input' };
    expect(only(validateStepArguments('Transform', batch))).toMatchObject({ path: 'TransformInput', rule: 'type' });
    const args = processing();
    args['ProcessingInputs'] = { Get: 'Parameters.Inputs' };
    expect(only(validateStepArguments('Processing', args))).toMatchObject({ path: 'ProcessingInputs', rule: 'type' });
  });
});
