import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.job_arguments';

const withJobTypeArgument = () =>
  withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
    (contract as { expectedArguments: Record<string, string> }).expectedArguments = { 'job-type': 'training' };
  });

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("passes when the contract declares an argument and the builder passes it with the contract's default", async () => {
    const result = (await runChecks(withJobTypeArgument(), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.message).toBe('arguments --job-type training');
  });

  it('fails when the builder invents arguments the contract does not declare', async () => {
    class Inventive extends PyTorchTrainingStepBuilder {
      override getJobArguments(): string[] | undefined {
        return ['--epochs', '3'];
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('PyTorchTraining'), Inventive), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe('getJobArguments() returned ["--epochs","3"], but the contract declares no arguments: the builder invents --epochs');
  });

  it('fails naming a declared argument the builder leaves out', async () => {
    const base = withJobTypeArgument();
    class Silent extends (base.builderClass as unknown as typeof PyTorchTrainingStepBuilder) {
      override getJobArguments(): string[] | undefined {
        return undefined;
      }
    }
    const result = (await runChecks(withBuilderClass(base, Silent), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe("argument --job-type is missing (expected 'training')");
  });
});
