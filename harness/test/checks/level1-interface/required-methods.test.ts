import { type PipelineStepDefinition, StepBuilderBase } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.required_methods';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) naming each method left abstract', async () => {
    // getInputs and getOutputs are left abstract, so they do not exist at run time.
    abstract class PyTorchTrainingStepBuilder extends StepBuilderBase {
      validateConfiguration(): void {}
      async createStep(): Promise<PipelineStepDefinition> {
        return { Name: 'x', Type: 'Training', Arguments: {} };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('PyTorchTrainingStepBuilder must implement getInputs() (it is missing or left abstract)');
    expect(result.message).toContain('PyTorchTrainingStepBuilder must implement getOutputs()');
    expect(result.message).not.toContain('createStep');
  });

  it('requires only what StepBuilderBase leaves abstract, not the methods it implements', async () => {
    // Implements the four abstract methods and nothing else: getStepName, getEnvironmentVariables, … are inherited.
    abstract class MinimalStepBuilder extends StepBuilderBase {
      validateConfiguration(): void {}
      getInputs(inputs: Readonly<Record<string, unknown>>): unknown {
        return Object.values(inputs);
      }
      getOutputs(): string {
        return 's3://bucket/out';
      }
      async createStep(): Promise<PipelineStepDefinition> {
        return { Name: 'x', Type: 'Training', Arguments: {} };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), MinimalStepBuilder), ID);
    expect(result.status).toBe('pass');
    expect(result.message).toBe('MinimalStepBuilder implements validateConfiguration, getInputs, getOutputs, createStep');
  });

  it('fails (major) when getInputs ignores its inputs argument', async () => {
    class IgnoresInputs extends PyTorchTrainingStepBuilder {
      override async getInputs() {
        return [];
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), IgnoresInputs), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("IgnoresInputs.getInputs() must take the 'inputs' argument, but declares no parameter");
  });

  it('fails (major) when a required method is replaced by a value', async () => {
    class BrokenOutputs extends PyTorchTrainingStepBuilder {}
    Object.defineProperty(BrokenOutputs.prototype, 'getOutputs', { value: 's3://bucket/out' });
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), BrokenOutputs), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe('BrokenOutputs.getOutputs must be a method, but is a string');
  });
});
