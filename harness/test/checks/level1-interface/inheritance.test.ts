import { StepBuilderBase } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.inheritance';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails when the builder class does not inherit from StepBuilderBase', async () => {
    class PyTorchTrainingStepBuilder {}
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('PyTorchTrainingStepBuilder must inherit from StepBuilderBase');
  });

  it('fails when a Training builder inherits from StepBuilderBase but not TrainingStepBuilder', async () => {
    abstract class PyTorchTrainingStepBuilder extends StepBuilderBase {}
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe('PyTorchTrainingStepBuilder is registered as a Training step but does not inherit from TrainingStepBuilder');
  });
});
