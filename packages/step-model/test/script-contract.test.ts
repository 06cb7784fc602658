import { describe, expect, it } from 'vitest';
import {
  DependencyType,
  NodeType,
  type ProcessingScriptContract,
  StepSpecification,
  stepTypeTakesContract,
  type TrainingScriptContract,
  validateScriptContract,
  validateTrainingScriptContract,
} from '../src/index.js';

const processing = (overrides: Partial<ProcessingScriptContract> = {}): ProcessingScriptContract => ({
  entryPoint: 'tabular_preprocessing.py',
  expectedInputPaths: { DATA: '/opt/ml/processing/input/data' },
  expectedOutputPaths: { processed_data: '/opt/ml/processing/output' },
  expectedArguments: { job_type: 'training' },
  requiredEnvVars: ['LABEL_FIELD'],
  optionalEnvVars: { CATEGORICAL_COLUMNS: '' },
  ...overrides,
});

const training: TrainingScriptContract = {
  entryPoint: 'train.py',
  expectedInputPaths: { input_path: '/opt/ml/input/data' },
  expectedOutputPaths: { model_output: '/opt/ml/model' },
};

describe('validateScriptContract', () => {
  it('accepts a processing contract whose paths lie under /opt/ml/processing/', () => {
    expect(validateScriptContract(processing(), 'Processing')).toEqual({ isValid: true, errors: [], warnings: [] });
  });

  it('refuses processing paths outside /opt/ml/processing/, naming the logical name', () => {
    const result = validateScriptContract(
      processing({ expectedInputPaths: { DATA: '/opt/ml/input/data' }, expectedOutputPaths: { processed_data: '/opt/ml/processing' } }),
      'Processing',
    );
    expect(result.errors).toEqual([
      "Input path for 'DATA' must be under /opt/ml/processing/, got: /opt/ml/input/data",
      "Output path for 'processed_data' must be under /opt/ml/processing/, got: /opt/ml/processing",
    ]);
  });

  it('refuses an input where the job mounts its own code', () => {
    expect(validateScriptContract(processing({ expectedInputPaths: { DATA: '/opt/ml/processing/input/code/data' } }), 'Processing').errors).toEqual([
      "Input path for 'DATA' must not be under /opt/ml/processing/input/code, where the processing job's code is mounted, got: /opt/ml/processing/input/code/data",
    ]);
  });

  it("accepts argparse's underscores in processing argument names but not capitals", () => {
    expect(validateScriptContract(processing({ expectedArguments: { job_type: 'x', 'max-rows': '1', Bad: 'y' } }), 'Processing').errors).toEqual([
      "Argument name 'Bad' must be lowercase letters, digits, underscores and hyphens",
    ]);
  });

  it('judges a training contract exactly as validateTrainingScriptContract does', () => {
    const bad = { ...training, expectedOutputPaths: { model_output: '/opt/ml/processing/output' }, expectedArguments: { job_type: 'x' } };
    expect(validateScriptContract(bad, 'Training')).toEqual(validateTrainingScriptContract(bad));
    expect(validateScriptContract(bad, 'Training').errors).toEqual([
      "Output path for 'model_output' must start with /opt/ml/model, /opt/ml/output/data, /opt/ml/checkpoints, got: /opt/ml/processing/output",
      "Argument name 'job_type' must be lowercase letters, digits and hyphens",
    ]);
  });

  it('a processing path is illegal in a training contract and the other way round', () => {
    expect(validateScriptContract(training, 'Processing').isValid).toBe(false);
    expect(validateScriptContract(processing({ expectedArguments: {} }), 'Training').isValid).toBe(false);
  });

  it('refuses any contract for step types that run no script of their own', () => {
    for (const stepType of ['Transform', 'CreateModel'] as const) {
      expect(stepTypeTakesContract(stepType)).toBe(false);
      expect(validateScriptContract(processing(), stepType).errors).toEqual([`${stepType} steps run no script of their own, so they take no script contract`]);
    }
    expect(stepTypeTakesContract('Processing')).toBe(true);
  });

  it('wants a contract exactly for the step types that run a script', () => {
    expect(validateScriptContract(undefined, 'Processing').errors).toEqual(['Processing steps run a script, so they need a script contract']);
    expect(validateScriptContract(undefined, 'Training').errors).toEqual(['Training steps run a script, so they need a script contract']);
    expect(validateScriptContract(undefined, 'Transform').isValid).toBe(true);
    expect(validateScriptContract(undefined, 'CreateModel').isValid).toBe(true);
  });

  it('never throws on junk', () => {
    expect(validateScriptContract(null as never, 'Processing').errors).toEqual(['A script contract must be an object, got null']);
  });
});

describe('a specification without a contract', () => {
  const spec = StepSpecification.create({
    stepType: 'BatchTransform',
    nodeType: NodeType.INTERNAL,
    dependencies: [{ logicalName: 'model_name', dependencyType: DependencyType.CUSTOM_PROPERTY, required: true, dataType: 'String' }],
    outputs: [{ logicalName: 'transform_output', outputType: DependencyType.PROCESSING_OUTPUT, propertyPath: 'properties.TransformOutput.S3OutputPath' }],
  });

  it('is valid and aligned (there is nothing to align)', () => {
    expect(spec.scriptContract).toBeUndefined();
    expect(spec.validateContractAlignment().errors).toEqual([]);
  });
});
