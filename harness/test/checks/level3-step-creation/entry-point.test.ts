import { type EncodedHyperparameters, frameworkHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.entry_point';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (blocker) when the builder, copied from another, runs that builder's script", async () => {
    const CopyPasted = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          return frameworkHyperparameters({ entryPoint: 'train.py', submitDirectory: this.config.source_dir, region: this.awsRegion });
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), CopyPasted), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("[default] nothing in the request runs 'xgboost_training.py'");
    expect(result.message).toContain("'train.py'");
  });
});
