import { type PipelineStepDefinition, StepBuilderBase } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.required_methods';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails naming each method left abstract', async () => {
    // getInputs and getOutputs are left abstract, so they do not exist at run time.
    abstract class PyTorchTrainingStepBuilder extends StepBuilderBase {
      validateConfiguration(): void {}
      async createStep(): Promise<PipelineStepDefinition> {
        return { Name: 'x', Type: 'Training', Arguments: {} };
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('PyTorchTrainingStepBuilder must implement getInputs() (it is missing or left abstract)');
    expect(result?.message).toContain('PyTorchTrainingStepBuilder must implement getOutputs()');
    expect(result?.message).not.toContain('createStep');
  });

  it('fails when getInputs takes no inputs argument', async () => {
    class IgnoresInputs extends PyTorchTrainingStepBuilder {
      override async getInputs() {
        return [];
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), IgnoresInputs), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("IgnoresInputs.getInputs() must take the 'inputs' argument, but declares no parameter");
  });

  it('fails when a required method is not a function', async () => {
    class BrokenOutputs extends PyTorchTrainingStepBuilder {}
    Object.defineProperty(BrokenOutputs.prototype, 'getOutputs', { value: 's3://bucket/out' });
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), BrokenOutputs), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe('BrokenOutputs.getOutputs must be a method, but is a string');
  });
});
