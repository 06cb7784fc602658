import type { CreateStepOptions } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';
import { expectFailure, runCheck } from './level3-support.js';

const ID = 'level3.job_arguments_in_request';

const withJobTypeArgument = (name: 'PyTorchTraining' | 'XGBoostTraining') =>
  withSpecAndContract(realBuilder(name), (_spec, contract) => {
    (contract as { expectedArguments: Record<string, string> }).expectedArguments = { 'job-type': 'training' };
  });

describe(ID, () => {
  it('is not applicable when the contract declares no job arguments (both real builders)', async () => {
    for (const name of ['PyTorchTraining', 'XGBoostTraining'] as const) {
      const result = await runCheck(realBuilder(name), ID);
      expect(result.status).toBe('not_applicable');
      expect(result.message).toContain('declares no job arguments');
    }
  });

  it('passes when the contract declares a job argument and the builder sends it as a hyperparameter', async () => {
    for (const name of ['PyTorchTraining', 'XGBoostTraining'] as const) {
      const result = await runCheck(withJobTypeArgument(name), ID);
      expect(result.status, result.message).toBe('pass');
    }
  });

  it('fails when the job argument never reaches the request', async () => {
    const base = withJobTypeArgument('PyTorchTraining');
    const Base = base.builderClass as unknown as new (...args: never[]) => { createStep(o?: CreateStepOptions): Promise<{ Arguments: Record<string, unknown> }> };
    class PyTorchTrainingStepBuilder extends Base {
      override async createStep(options?: CreateStepOptions) {
        const step = await super.createStep(options);
        const { 'job-type': _dropped, ...hyperparameters } = step.Arguments['HyperParameters'] as Record<string, string>;
        return { ...step, Arguments: { ...step.Arguments, HyperParameters: hyperparameters } };
      }
    }
    const result = await runCheck(withBuilderClass(base, PyTorchTrainingStepBuilder), ID);
    expectFailure(result, 'job argument --job-type (from the contract) is not among the step\'s HyperParameters');
  });
});
