import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { realBuilder, runChecks, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level1.naming_conventions';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails when the class name does not end with StepBuilder', async () => {
    class PyTorchTrainingBuilder extends PyTorchTrainingStepBuilder {}
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Class name 'PyTorchTrainingBuilder' must end with 'StepBuilder'");
  });

  it('fails when the class prefix is not the registry step name', async () => {
    class TorchTrainingStepBuilder extends PyTorchTrainingStepBuilder {}
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), TorchTrainingStepBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("must be the registry step name plus 'StepBuilder' ('PyTorchTrainingStepBuilder')");
  });

  it('fails when a public method is snake_case', async () => {
    const Named = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        get_legacy_inputs(): string[] {
          return [];
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), Named), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("Public method 'get_legacy_inputs' should be in camelCase");
  });

  it("fails when the spec's stepType is not the step name", async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.stepType = 'XGBoostTrain';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("The specification's stepType 'XGBoostTrain' must equal the registry step name 'XGBoostTraining'");
  });
});
