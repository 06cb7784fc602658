import { describe, expect, it } from 'vitest';
import { isUnderContainerPath, type TrainingScriptContract, validateTrainingScriptContract } from '../src/index.js';

const contract = (overrides: Partial<TrainingScriptContract> = {}): TrainingScriptContract => ({
  entryPoint: 'train.py',
  expectedInputPaths: { input_path: '/opt/ml/input/data', hyperparameters_s3_uri: '/opt/ml/input/data/config/hyperparameters.json' },
  expectedOutputPaths: { model_output: '/opt/ml/model', data_output: '/opt/ml/output/data' },
  expectedArguments: {},
  requiredEnvVars: [],
  optionalEnvVars: { SM_CHECKPOINT_DIR: '/opt/ml/checkpoints' },
  ...overrides,
});

describe('isUnderContainerPath', () => {
  it('accepts the prefix itself and paths below it', () => {
    expect(isUnderContainerPath('/opt/ml/model', '/opt/ml/model')).toBe(true);
    expect(isUnderContainerPath('/opt/ml/model/sub/file', '/opt/ml/model')).toBe(true);
  });

  it('rejects a sibling that merely starts with the same letters', () => {
    expect(isUnderContainerPath('/opt/ml/modelx', '/opt/ml/model')).toBe(false);
  });
});

describe('validateTrainingScriptContract', () => {
  it('accepts a legal contract', () => {
    expect(validateTrainingScriptContract(contract())).toEqual({ isValid: true, errors: [], warnings: [] });
  });

  it.each(['train.sh', 'train', '/abs/train.py', 'train.py.bak'])('rejects entry point %j', (entryPoint) => {
    expect(validateTrainingScriptContract(contract({ entryPoint })).errors).toEqual([
      `Entry point must be a Python file (.py), got: ${JSON.stringify(entryPoint)}`,
    ]);
  });

  it('accepts a nested relative entry point', () => {
    expect(validateTrainingScriptContract(contract({ entryPoint: 'scripts/train.py' })).isValid).toBe(true);
  });

  it.each(['/opt/ml/input/data', '/opt/ml/input/data/train', '/opt/ml/input/config', '/opt/ml/input/config/hyperparameters.json'])(
    'accepts input path %s',
    (path) => {
      expect(validateTrainingScriptContract(contract({ expectedInputPaths: { x: path } })).isValid).toBe(true);
    },
  );

  it.each(['/opt/ml/processing/input', '/opt/ml/input/dataset', '/opt/ml/model'])('rejects input path %s', (path) => {
    expect(validateTrainingScriptContract(contract({ expectedInputPaths: { x: path } })).errors).toEqual([
      `Input path for 'x' must start with /opt/ml/input/data or /opt/ml/input/config, got: ${path}`,
    ]);
  });

  it.each(['/opt/ml/model', '/opt/ml/model/extra', '/opt/ml/output/data', '/opt/ml/checkpoints'])('accepts output path %s', (path) => {
    expect(validateTrainingScriptContract(contract({ expectedOutputPaths: { y: path } })).isValid).toBe(true);
  });

  it.each(['/opt/ml/output', '/opt/ml/processing/output', '/tmp/out', '/opt/ml/models'])('rejects output path %s', (path) => {
    expect(validateTrainingScriptContract(contract({ expectedOutputPaths: { y: path } })).errors).toEqual([
      `Output path for 'y' must start with /opt/ml/model, /opt/ml/output/data, /opt/ml/checkpoints, got: ${path}`,
    ]);
  });

  it('rejects environment variable names the container cannot carry', () => {
    const result = validateTrainingScriptContract(contract({ requiredEnvVars: ['1BAD'], optionalEnvVars: { 'BAD-NAME': 'x' } }));
    expect(result.errors).toEqual([
      "Environment variable name '1BAD' must match [a-zA-Z_][a-zA-Z0-9_]*",
      "Environment variable name 'BAD-NAME' must match [a-zA-Z_][a-zA-Z0-9_]*",
    ]);
  });

  it('rejects argument names that are not lowercase letters, digits and hyphens', () => {
    const result = validateTrainingScriptContract(contract({ expectedArguments: { 'job-type': 'training', Job_Type: 'x' } }));
    expect(result.errors).toEqual(["Argument name 'Job_Type' must be lowercase letters, digits and hyphens"]);
  });

  it('reports every problem, not just the first', () => {
    const result = validateTrainingScriptContract(contract({ entryPoint: 'train.sh', expectedInputPaths: { a: '/data' }, expectedOutputPaths: { b: '/out' } }));
    expect(result.errors).toHaveLength(3);
  });
});
