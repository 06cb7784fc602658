import { describe, expect, it } from 'vitest';
import { documentedAlgorithmFor, valuesInside, valuesOutside, XGBOOST_ALGORITHM } from '../src/index.js';

const byName = (name: string) => XGBOOST_ALGORITHM.hyperparameters.find((h) => h.name === name)!;

describe('documented algorithm hyperparameters', () => {
  it('finds the XGBoost algorithm by framework, and no other', () => {
    expect(documentedAlgorithmFor('xgboost')).toBe(XGBOOST_ALGORITHM);
    expect(documentedAlgorithmFor('pytorch')).toBeUndefined();
    expect(XGBOOST_ALGORITHM.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/sagemaker\/.*xgboost_hyperparameters/);
  });

  it('takes every hyperparameter it documents and the aliases its container declares, and no field list of a script', () => {
    const accepted = new Set(XGBOOST_ALGORITHM.acceptedNames);
    for (const h of XGBOOST_ALGORITHM.hyperparameters) expect(accepted.has(h.name), h.name).toBe(true);
    for (const name of ['learning_rate', 'reg_lambda', 'eval_metric', 'num_class', 'objective', 'use_dask_gpu_training'])
      expect(accepted.has(name), name).toBe(true);
    for (const name of ['full_field_list', 'label_name', 'sagemaker_program']) expect(accepted.has(name), name).toBe(false);
    expect(accepted.size).toBe(XGBOOST_ALGORITHM.acceptedNames.length);
    expect(XGBOOST_ALGORITHM.acceptedNamesSource).toContain('hyperparameter_validation.py');
  });

  it('probes inside a range away from its bounds, and every enum value', () => {
    expect(valuesInside(byName('eta'))).toEqual([0.5]);
    expect(valuesInside(byName('max_depth'))).toEqual([3]);
    expect(valuesInside(byName('booster'))).toEqual(['gbtree', 'gblinear', 'dart']);
  });

  it('probes outside from both sides, whole numbers with a fraction, enums with an unknown value', () => {
    expect(valuesOutside(byName('eta')).map((o) => o.value)).toEqual([-1, 1.5]);
    expect(valuesOutside(byName('max_depth')).map((o) => o.value)).toEqual([-1, 3.5]);
    expect(valuesOutside(byName('num_round'))).toEqual([{ value: 3.5, why: 'not a whole number' }]);
    expect(valuesOutside(byName('tree_method'))).toEqual([{ value: 'not-a-documented-value', why: 'not one of auto, exact, approx, hist, gpu_hist' }]);
    expect(valuesOutside({ name: 'x', kind: 'float', exclusiveMinimum: 0, maximum: 1, documented: '(0,1]' }).map((o) => o.value)).toEqual([0, 1.5]);
  });
});
