import type { EncodedHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level2.hyperparameters_legal';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails when the builder puts more than 100 hyperparameters on the step', async () => {
    class Crowded extends PyTorchTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        return Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`feature_${i}`, '1']));
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), Crowded), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('HyperParameters has 101 entries; HyperParameters allows at most 100.');
  });

  it('fails on a too-long key, a too-long value and a value that is not a string', async () => {
    class Oversized extends XGBoostTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        return { ...super.getHyperparameters(), ['k'.repeat(257)]: '1', field_list: 'x'.repeat(2501), num_round: 100 as unknown as string };
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), Oversized), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('is 257 characters long; HyperParameterKey allows at most 256.');
    expect(result?.message).toContain('is 2501 characters long; HyperParameterValue allows at most 2500.');
    expect(result?.message).toContain('must be a string (HyperParameterValue), but is number 100');
  });
});
