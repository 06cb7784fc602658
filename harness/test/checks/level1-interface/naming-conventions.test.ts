import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level1.naming_conventions';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (minor) when the class name does not end with StepBuilder', async () => {
    class PyTorchTrainingBuilder extends PyTorchTrainingStepBuilder {}
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingBuilder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain("Class name 'PyTorchTrainingBuilder' must end with 'StepBuilder'");
  });

  it('fails (minor) when the class prefix is not the registry step name', async () => {
    class TorchTrainingStepBuilder extends PyTorchTrainingStepBuilder {}
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), TorchTrainingStepBuilder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain("must be the registry step name plus 'StepBuilder' ('PyTorchTrainingStepBuilder')");
  });

  it('fails (minor) when a public method is snake_case', async () => {
    const Named = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        get_legacy_inputs(): string[] {
          return [];
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Named), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe("Public method 'get_legacy_inputs' should be in camelCase");
  });

  it("fails (minor) when the spec's stepType is not the step name", async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.stepType = 'XGBoostTrain';
    });
    const result = await runCheck(broken, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain("The specification's stepType 'XGBoostTrain' must equal the registry step name 'XGBoostTraining'");
  });
});
