import { pipelineParametersOf, validateTrainingStepArguments } from '@stepscore/sagemaker';
import { type AnyBuilderRegistration, type ConfigValidationError, parseBuilderConfig, pipelineExpressionFields } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { pytorchTraining } from './pytorch-training/index.js';
import { xgboostTraining } from './xgboost-training/index.js';

/** The parameter name a field's expression gets: `training_instance_count` -> `TrainingInstanceCount`. */
function parameterName(path: string): string {
  return path
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] = { ...((node[part] as Record<string, unknown> | undefined) ?? {}) };
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

/** Every field that may be an expression and has a fixed path, given as `{"Get": "Parameters.<Field>"}`. */
function parameterised(registration: AnyBuilderRegistration, base: Record<string, unknown>) {
  const fields = pipelineExpressionFields(registration.configSchema).filter((path) => !path.includes('*') && !path.includes('[]'));
  const raw = structuredClone(base);
  for (const path of fields) setPath(raw, path, { Get: `Parameters.${parameterName(path)}` });
  return { fields, raw };
}

const EXPECTED_FIELDS = [
  'training_instance_type',
  'training_instance_count',
  'training_volume_size',
  'training_entry_point',
  'source_dir',
  'image_uri',
  'max_runtime_in_seconds',
  'output_path',
  'output_kms_key',
  'volume_kms_key',
  'env.*',
  'input_mode',
  'input_content_type',
  'input_channels.*.s3_uri',
  'input_channels.*.content_type',
  'input_channels.*.input_mode',
  'input_channels.*.distribution',
  'input_channels.*.compression',
  'input_channels.*.s3_data_type',
  'model_uri',
  'metric_definitions[].Regex',
  'container_log_level',
  'use_spot_instances',
  'max_wait',
  'max_retry_attempts',
  'subnets[]',
  'security_group_ids[]',
  'encrypt_inter_container_traffic',
  'checkpoint_s3_uri',
  'checkpoint_local_path',
  'tensorboard_output_config.s3_output_path',
  'debugger_rules[].RuleEvaluatorImage',
  'debugger_rules[].S3OutputPath',
  'profiler_s3_output_path',
];

const CASES: readonly (readonly [string, AnyBuilderRegistration, readonly string[]])[] = [
  ['PyTorchTraining', pytorchTraining, ['hyperparameters.*']],
  ['XGBoostTraining', xgboostTraining, []],
];

describe.each(CASES)('%s: pipeline expressions', (_name, registration, extraFields) => {
  it('names every field that may be an expression, from the schema alone', () => {
    expect(pipelineExpressionFields(registration.configSchema).sort()).toEqual([...EXPECTED_FIELDS, ...extraFields].sort());
  });

  it('builds a valid step with every such field a parameter, referring only to those parameters (the parameters scenario)', async () => {
    const base = { ...registration.defaultConfig, disable_profiler: false };
    const { fields, raw } = parameterised(registration, base);
    const config = parseBuilderConfig(registration, raw);
    const builder = new registration.builderClass(config);
    const step = await builder.createStep({ inputs: { input_path: { Get: 'Parameters.InputPath' } } });
    expect(validateTrainingStepArguments(step.Arguments)).toEqual([]);
    const declared = new Set([...fields.map(parameterName), 'InputPath']);
    const referenced = pipelineParametersOf(step.Arguments).map((p) => p.Name);
    expect(referenced.filter((name) => !declared.has(name))).toEqual([]);
    expect(step.Arguments['AlgorithmSpecification']).toMatchObject({
      TrainingImage: { Get: 'Parameters.ImageUri' },
      TrainingInputMode: { Get: 'Parameters.InputMode' },
    });
    expect(step.Arguments['ResourceConfig']).toEqual({
      VolumeSizeInGB: { Get: 'Parameters.TrainingVolumeSize' },
      InstanceCount: { Get: 'Parameters.TrainingInstanceCount' },
      InstanceType: { Get: 'Parameters.TrainingInstanceType' },
      VolumeKmsKeyId: { Get: 'Parameters.VolumeKmsKey' },
    });
    expect(pipelineParametersOf(step.Arguments)).toEqual(
      expect.arrayContaining([
        { Name: 'TrainingInstanceCount', Type: 'Integer' },
        { Name: 'MaxWait', Type: 'Integer' },
        { Name: 'UseSpotInstances', Type: 'Boolean' },
        { Name: 'TrainingInstanceType', Type: 'String' },
      ]),
    );
  });

  it('cannot choose the framework image for a parameterised instance type: it asks for image_uri', () => {
    const config = parseBuilderConfig(registration, { ...registration.defaultConfig, training_instance_type: { Get: 'Parameters.InstanceType' } });
    expect(() => new registration.builderClass(config)).toThrow(
      'training_instance_type is a pipeline expression, so the training image cannot be chosen (CPU or GPU) when the pipeline is defined: give image_uri, or a literal training_instance_type',
    );
  });

  it('rejects a value that is neither the literal nor an expression, naming the field', () => {
    try {
      parseBuilderConfig(registration, { ...registration.defaultConfig, training_volume_size: '30' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigValidationError).issues).toEqual([
        { field: 'training_volume_size', message: 'expected a number or a pipeline expression such as {"Get": "Parameters.X"} (got "30")' },
      ]);
    }
  });
});
