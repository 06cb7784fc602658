import { StepBuilderBase } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.inheritance';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (minor) when the builder class is a plain class that only looks like a builder', async () => {
    class PyTorchTrainingStepBuilder {}
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain('PyTorchTrainingStepBuilder must inherit from StepBuilderBase');
  });

  it('fails (minor) when a Training builder extends StepBuilderBase directly, skipping TrainingStepBuilder', async () => {
    abstract class PyTorchTrainingStepBuilder extends StepBuilderBase {}
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe('PyTorchTrainingStepBuilder is registered as a Training step but does not inherit from TrainingStepBuilder');
  });
});
