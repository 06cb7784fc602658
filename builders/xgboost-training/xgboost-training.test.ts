import { ConfigValidationError, InMemoryArtifactStore, parseBuilderConfig } from '@stepscore/step-builder';
import { DependencyType, NodeType, StepSpecification, validateTrainingScriptContract } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import {
  xgboostTraining,
  type XGBoostTrainingConfig,
  xgboostTrainingContract,
  xgboostTrainingDefaultConfig,
  xgboostTrainingSpec,
  XGBoostTrainingStepBuilder,
} from './index.js';
import { XGBOOST_SCRIPT_DEFAULTS, XGBOOST_TRAINING_INSTANCE_TYPES } from './config.js';

const INPUT = 's3://stepscore-example-bucket/preprocessed';
const PIPELINE_S3_LOC = 's3://stepscore-example-bucket/MODS/stepscore-risk-xgboost-NA_1.0.0';

function config(overrides: Record<string, unknown> = {}): XGBoostTrainingConfig {
  return parseBuilderConfig(xgboostTraining, { ...xgboostTrainingDefaultConfig, ...overrides });
}

function hyperparameters(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...xgboostTrainingDefaultConfig.hyperparameters, ...overrides };
}

function issuesOf(raw: Record<string, unknown>): ConfigValidationError['issues'] {
  try {
    parseBuilderConfig(xgboostTraining, raw);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

function channels(step: { Arguments: { InputDataConfig?: readonly { ChannelName?: unknown; DataSource?: { S3DataSource?: { S3Uri?: unknown } } }[] } }) {
  return (step.Arguments.InputDataConfig ?? []).map((c) => [c.ChannelName, c.DataSource?.S3DataSource?.S3Uri]);
}

describe('XGBoost training config', () => {
  it('accepts the default config', () => {
    expect(config().pipeline_name).toBe('stepscore-risk-xgboost-NA');
  });

  it('requires the entry point', () => {
    const { training_entry_point: _e, ...rest } = xgboostTrainingDefaultConfig;
    expect(issuesOf(rest)).toEqual([{ field: 'training_entry_point', message: 'required field is missing (expected string)' }]);
  });

  it.each(['num_round', 'max_depth'])('requires hyperparameters.%s', (name) => {
    const { [name as 'num_round']: _n, ...rest } = xgboostTrainingDefaultConfig.hyperparameters;
    expect(issuesOf({ ...xgboostTrainingDefaultConfig, hyperparameters: rest })).toEqual([
      { field: `hyperparameters.${name}`, message: 'required field is missing (expected number)' },
    ]);
  });

  it('keeps only the hyperparameters given (the script defaults go into hyperparameters.json, not the config)', () => {
    const parsed = parseBuilderConfig(xgboostTraining, { ...xgboostTrainingDefaultConfig, hyperparameters: { num_round: 10, max_depth: 3 } });
    expect(parsed.hyperparameters).toEqual({ num_round: 10, max_depth: 3 });
    expect(new XGBoostTrainingStepBuilder(parsed).hyperparametersFileContent()).toEqual({
      num_round: 10,
      max_depth: 3,
      eta: 0.3,
      min_child_weight: 1,
      gamma: 0,
      subsample: 1,
      colsample_bytree: 1,
      booster: 'gbtree',
      tree_method: 'auto',
    });
    expect(parsed).toMatchObject({ training_instance_type: 'ml.m5.4xlarge', framework_version: '1.7-1', py_version: 'py3' });
  });

  it('names XGBoost in the instance type message and allows every CPU and GPU training type', () => {
    const [issue] = issuesOf({ ...xgboostTrainingDefaultConfig, training_instance_type: 'ml.trn1.2xlarge' });
    expect(issue?.message).toMatch(/^Invalid training instance type for XGBoost: ml\.trn1\.2xlarge\. Must be one of: ml\.m4\.xlarge, /);
    expect(XGBOOST_TRAINING_INSTANCE_TYPES).toEqual(expect.arrayContaining(['ml.p3.8xlarge', 'ml.c5.xlarge', 'ml.g5.48xlarge', 'ml.m5.large']));
    expect(XGBOOST_TRAINING_INSTANCE_TYPES.filter((t) => /^ml\.(trn|inf)/.test(t))).toEqual([]);
  });

  it('marks field-list errors as coming from the hyperparameters', () => {
    expect(issuesOf({ ...xgboostTrainingDefaultConfig, hyperparameters: hyperparameters({ id_name: 'uuid' }) })).toEqual([
      { field: 'hyperparameters.id_name', message: "id_name 'uuid' must be in full_field_list (from hyperparameters)" },
    ]);
  });

  it('bounds eta to [0, 1]', () => {
    expect(issuesOf({ ...xgboostTrainingDefaultConfig, hyperparameters: hyperparameters({ eta: 1.5 }) }).map((i) => i.field)).toEqual(['hyperparameters.eta']);
  });

  it('requires hyperparameters_s3_uri to be an s3:// URI', () => {
    expect(issuesOf({ ...xgboostTrainingDefaultConfig, hyperparameters_s3_uri: '/tmp/hp.json' })[0]?.field).toBe('hyperparameters_s3_uri');
  });
});

describe('XGBoost training contract and spec', () => {
  it('has a legal training contract', () => {
    expect(validateTrainingScriptContract(xgboostTrainingContract).errors).toEqual([]);
  });

  it('reads hyperparameters.json from the config channel', () => {
    expect(xgboostTrainingContract.expectedInputPaths).toEqual({
      input_path: '/opt/ml/input/data',
      hyperparameters_s3_uri: '/opt/ml/input/data/config/hyperparameters.json',
    });
  });

  it('is a valid internal spec aligned with its contract both ways', () => {
    const spec = StepSpecification.create(xgboostTrainingSpec);
    expect(spec.nodeType).toBe(NodeType.INTERNAL);
    expect(spec.validateContractAlignment().errors).toEqual([]);
  });

  it('needs input_path and optionally takes upstream hyperparameters', () => {
    const spec = StepSpecification.create(xgboostTrainingSpec);
    expect(spec.listRequiredDependencies().map((d) => d.logicalName)).toEqual(['input_path']);
    expect(spec.getDependency('hyperparameters_s3_uri')).toMatchObject({ dependencyType: DependencyType.HYPERPARAMETERS, required: false });
  });

  it('outputs the model and the evaluation data at real DescribeTrainingJob properties', () => {
    const spec = StepSpecification.create(xgboostTrainingSpec);
    expect(spec.getOutput('model_output')).toMatchObject({
      propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
      aliases: ['ModelOutputPath', 'ModelArtifacts', 'model_data', 'output_path', 'model_input'],
    });
    expect(spec.getOutput('evaluation_output')).toMatchObject({
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.OutputDataConfig.S3OutputPath',
      aliases: ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
    });
  });
});

describe('XGBoostTrainingStepBuilder', () => {
  describe('the step from the default config', async () => {
    const store = new InMemoryArtifactStore();
    const builder = new XGBoostTrainingStepBuilder(config(), { artifactStore: store });
    const step = await builder.createStep({ inputs: { input_path: INPUT } });
    const hyperparametersUri = `${PIPELINE_S3_LOC}/training_config/XGBoostTraining/hyperparameters.json`;

    it('splits input_path into train/val/test and adds the config channel', () => {
      expect(channels(step)).toEqual([
        ['train', `${INPUT}/train/`],
        ['val', `${INPUT}/val/`],
        ['test', `${INPUT}/test/`],
        ['config', hyperparametersUri],
      ]);
      for (const channel of step.Arguments.InputDataConfig ?? []) {
        expect(channel.DataSource?.S3DataSource).toMatchObject({ S3DataType: 'S3Prefix', S3DataDistributionType: 'FullyReplicated' });
      }
    });

    it('writes hyperparameters.json through the artifact store, with the derived fields', () => {
      expect(store.artifacts).toHaveLength(1);
      const [file] = store.artifacts;
      expect(file?.s3Uri).toBe(hyperparametersUri);
      expect(file?.contentType).toBe('application/json');
      expect(JSON.parse(file?.body ?? '')).toEqual({
        ...XGBOOST_SCRIPT_DEFAULTS,
        ...config().hyperparameters,
        num_classes: 2,
        is_binary: true,
        objective: 'binary:logistic',
        eval_metric: ['logloss', 'auc'],
        input_tab_dim: 2,
      });
    });

    it("carries only the framework's hyperparameters on the step", () => {
      expect(step.Arguments.HyperParameters).toEqual({
        sagemaker_submit_directory: '"s3://stepscore-example-bucket/code/xgboost/sourcedir.tar.gz"',
        sagemaker_program: '"xgboost_training.py"',
        sagemaker_container_log_level: '20',
        sagemaker_region: '"us-east-1"',
      });
    });

    it('runs the XGBoost framework image of the configured version', () => {
      expect(step.Arguments.AlgorithmSpecification).toEqual({
        TrainingInputMode: 'File',
        TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
      });
    });

    it("writes under the pipeline's S3 location, with no environment or checkpoints", () => {
      expect(step.Arguments.OutputDataConfig).toEqual({ S3OutputPath: `${PIPELINE_S3_LOC}/xgboost_training` });
      expect(step.Arguments.Environment).toBeUndefined();
      expect(step.Arguments.CheckpointConfig).toBeUndefined();
      expect(step.Name).toBe('XGBoostTraining');
      expect(step.CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P30D' });
    });
  });

  it('derives the multi-class objective and metrics', () => {
    const builder = new XGBoostTrainingStepBuilder(config({ hyperparameters: hyperparameters({ multiclass_categories: ['a', 'b', 'c'] }) }));
    expect(builder.hyperparametersFileContent()).toMatchObject({
      num_classes: 3,
      is_binary: false,
      objective: 'multi:softmax',
      eval_metric: ['mlogloss', 'merror'],
    });
  });

  it('keeps an objective and metrics the config sets over the ones the class list implies', () => {
    const set = hyperparameters({ multiclass_categories: ['a', 'b', 'c'], objective: 'multi:softprob', eval_metric: ['merror'] });
    const builder = new XGBoostTrainingStepBuilder(config({ hyperparameters: set }));
    expect(builder.hyperparametersFileContent()).toMatchObject({ num_classes: 3, objective: 'multi:softprob', eval_metric: ['merror'] });
  });

  it.each([
    ['s3://hp-bucket/prefix', 's3://hp-bucket/prefix/hyperparameters.json'],
    ['s3://hp-bucket/prefix/', 's3://hp-bucket/prefix/hyperparameters.json'],
    ['s3://hp-bucket/prefix/hyperparameters.json', 's3://hp-bucket/prefix/hyperparameters.json'],
  ])('writes the file below hyperparameters_s3_uri %s', async (prefix, uri) => {
    const store = new InMemoryArtifactStore();
    const step = await new XGBoostTrainingStepBuilder(config({ hyperparameters_s3_uri: prefix }), { artifactStore: store }).createStep({
      inputs: { input_path: INPUT },
    });
    expect(store.artifacts.map((a) => a.s3Uri)).toEqual([uri]);
    expect(channels(step).at(-1)).toEqual(['config', uri]);
  });

  it('feeds an upstream hyperparameters file to the config channel and writes none', async () => {
    const store = new InMemoryArtifactStore();
    const upstream = { Get: "Steps.HyperparameterPrep.ProcessingOutputConfig.Outputs['hyperparameters'].S3Output.S3Uri" };
    const step = await new XGBoostTrainingStepBuilder(config(), { artifactStore: store }).createStep({
      inputs: { input_path: INPUT, hyperparameters_s3_uri: upstream },
    });
    expect(store.artifacts).toEqual([]);
    expect(channels(step).at(-1)).toEqual(['config', upstream]);
  });

  it('joins the splits onto a pipeline expression input with Std:Join', async () => {
    const get = { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" };
    const step = await new XGBoostTrainingStepBuilder(config()).createStep({ inputs: { input_path: get } });
    expect(channels(step).slice(0, 3)).toEqual([
      ['train', { 'Std:Join': { On: '/', Values: [get, 'train/'] } }],
      ['val', { 'Std:Join': { On: '/', Values: [get, 'val/'] } }],
      ['test', { 'Std:Join': { On: '/', Values: [get, 'test/'] } }],
    ]);
  });

  it('refuses to create a step without input_path', async () => {
    await expect(new XGBoostTrainingStepBuilder(config()).createStep()).rejects.toThrow("Required input 'input_path' not provided");
  });

  it('names the missing setting when the config lacks one', () => {
    const { framework_version: _f, ...incomplete } = config();
    expect(() => new XGBoostTrainingStepBuilder(incomplete as XGBoostTrainingConfig)).toThrow(
      'XGBoostTrainingConfig missing required attribute: framework_version',
    );
  });

  it('passes config.env to the job', async () => {
    const step = await new XGBoostTrainingStepBuilder(config({ env: { OMP_NUM_THREADS: '4' } })).createStep({ inputs: { input_path: INPUT } });
    expect(step.Arguments.Environment).toEqual({ OMP_NUM_THREADS: '4' });
  });
});
