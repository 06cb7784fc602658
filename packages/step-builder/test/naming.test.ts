import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalize, MAX_JOB_NAME_LENGTH, sanitizeNameForSageMaker, snakeCaseStepName, stepNameFromClassName } from '../src/index.js';
import { anyCodePointString } from '../../sagemaker/test/support/any-code-point.js';

/** CreateTrainingJob's TrainingJobName: 1-63 characters of this pattern. */
const TRAINING_JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

describe('sanitizeNameForSageMaker', () => {
  it.each([
    ['PyTorchTraining-1755302400', 'PyTorchTraining-1755302400'],
    ['PyTorch_Training.v1 (final)', 'PyTorch-Training-v1-final'],
    ['--leading and trailing--', 'leading-and-trailing'],
    ['a___b', 'a-b'],
    ['', 'default-name'],
    ['!!!', 'default-name'],
    ['ümlaut-Straße', 'mlaut-Stra-e'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeNameForSageMaker(raw)).toBe(expected);
  });

  it('truncates to 63 characters', () => {
    expect(sanitizeNameForSageMaker('x'.repeat(100))).toBe('x'.repeat(MAX_JOB_NAME_LENGTH));
    expect(MAX_JOB_NAME_LENGTH).toBe(63);
  });

  it('strips a hyphen left at the end by truncation', () => {
    expect(sanitizeNameForSageMaker(`${'a'.repeat(62)}_b`)).toBe('a'.repeat(62));
  });

  it('honours a smaller limit', () => {
    expect(sanitizeNameForSageMaker('abcdef-ghij', 7)).toBe('abcdef');
  });

  it("always yields a name SageMaker's TrainingJobName pattern accepts", () => {
    fc.assert(
      fc.property(anyCodePointString({ maxLength: 200 }), (raw) => {
        const name = sanitizeNameForSageMaker(raw);
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(TRAINING_JOB_NAME);
      }),
    );
  });
});

describe('step names', () => {
  it.each([
    ['XGBoostTrainingStepBuilder', 'XGBoostTraining'],
    ['PyTorchTrainingStepBuilder', 'PyTorchTraining'],
    ['TabularPreprocessingBuilder', 'TabularPreprocessing'],
    ['Custom', 'Custom'],
  ])('%s → %s', (className, stepName) => {
    expect(stepNameFromClassName(className)).toBe(stepName);
  });

  it("capitalizes like Python's str.capitalize", () => {
    expect(capitalize('training')).toBe('Training');
    expect(capitalize('CALIBRATION')).toBe('Calibration');
    expect(capitalize('')).toBe('');
  });

  it.each([
    ['PyTorchTraining', 'pytorch_training'],
    ['XGBoostTraining', 'xgboost_training'],
    ['TabularPreprocessing', 'tabular_preprocessing'],
  ])('the default output folder of %s is %s', (stepName, folder) => {
    expect(snakeCaseStepName(stepName)).toBe(folder);
  });
});
