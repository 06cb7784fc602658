import type { BuilderRegistration } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';

const ID = 'level1.registry_integration';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails when getStepName() does not give the registry key', async () => {
    const Named = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getStepName(): string {
          return 'XGBoostModelTraining';
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), Named), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("getStepName() returned 'XGBoostModelTraining', but the builder is registered as 'XGBoostTraining'");
  });

  it('fails when the step type is not a SageMaker step type', async () => {
    const broken = { ...realBuilder('XGBoostTraining'), stepType: 'Trainer' } as unknown as BuilderRegistration;
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Step type 'Trainer' is not a known SageMaker step type (known: Training, Processing");
  });

  it('reports a bad step type even when the builder cannot be constructed', async () => {
    const base = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      delete config['source_dir'];
    });
    const broken = { ...base, stepType: 'Trainer' } as unknown as BuilderRegistration;
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.rootCause).toBeUndefined();
    expect(result?.message).toContain("Step type 'Trainer' is not a known SageMaker step type");
  });
});
