import type { CreateStepOptions } from '@stepscore/step-builder';
import { describe, it } from 'vitest';
import { realBuilder, withBuilderClass } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.step_instantiation';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('fails when the step Type is the SDK class name instead of the registered step type', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override async createStep(options?: CreateStepOptions) {
        return { ...(await super.createStep(options)), Type: 'TrainingStep' } as never;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, "the step's Type is 'TrainingStep'", "Type must be 'Training'");
  });

  it('fails when the step has no name and its Arguments are serialised to a string', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override async createStep(options?: CreateStepOptions) {
        const step = await super.createStep(options);
        return { ...step, Name: '', Arguments: JSON.stringify(step.Arguments) } as never;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "the step's Name is ''", "the step's Arguments are");
  });
});
