import { describe, it } from 'vitest';
import { realBuilder, withBuilderClass } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.step_name_generation';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('fails when the step name has a space', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override getStepName() {
        return 'PyTorch Training';
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, "the step Name 'PyTorch Training' is not a legal pipeline step name");
  });

  it('fails when the job type is not appended to the step name', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getStepName() {
        return 'XGBoostTraining';
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "with job_type 'training', the step Name is 'XGBoostTraining'; it must end with '-Training'");
  });

  it('fails when the job name uses characters a TrainingJobName cannot have', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override generateJobName() {
        return `${this.getStepName()}_${Math.floor(this.now() / 1000)}`;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, "generateJobName() gave 'PyTorchTraining_1755302400', which is not a legal TrainingJobName");
  });
});
