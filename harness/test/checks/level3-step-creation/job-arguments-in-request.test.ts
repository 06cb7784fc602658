import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level3.job_arguments_in_request';

/** PyTorch with a contract whose script takes `--max-epochs`, as a builder author adds one. */
function withMaxEpochsArgument(base = realBuilder('PyTorchTraining')) {
  return withSpecAndContract(base, (_spec, contract) => {
    (contract as { expectedArguments?: Record<string, string> }).expectedArguments = { 'max-epochs': '10' };
  });
}

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))(
    'passes on %s (not applicable when its contract expects no arguments)',
    async (_name, registration) => {
      const result = await runCheck(registration, ID);
      const expects = Object.keys(registration.contract?.expectedArguments ?? {}).length > 0;
      expect(result.status, result.message).toBe(expects ? 'pass' : 'not_applicable');
    },
  );

  it("passes when the contract's argument reaches the script as a hyperparameter", async () => {
    const result = await runCheck(withMaxEpochsArgument(), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (major) when the builder passes the argument under argparse's dest name instead of the flag", async () => {
    const Underscored = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override jobArgumentHyperparameters(): Record<string, string> {
          return Object.fromEntries(Object.entries(super.jobArgumentHyperparameters()).map(([name, value]) => [name.replace(/-/g, '_'), value]));
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withMaxEpochsArgument(withBuilderClass(realBuilder('PyTorchTraining'), Underscored)), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('[default] the contract expects --max-epochs, but the script is not given it');
  });

  it('fails (major) when the builder drops the job arguments', async () => {
    const Dropped = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override jobArgumentHyperparameters(): Record<string, string> {
          return {};
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withMaxEpochsArgument(withBuilderClass(realBuilder('PyTorchTraining'), Dropped)), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/^\[default\] the contract expects --max-epochs, but the script is not given it/);
  });
});
