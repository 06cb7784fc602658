import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.step_created';

/** GPUs per instance, written out for the types the author tried. */
const GPUS_PER_INSTANCE: Readonly<Record<string, number>> = { 'ml.g5.12xlarge': 4, 'ml.g5.16xlarge': 1, 'ml.p3.8xlarge': 4, 'ml.p3.16xlarge': 8 };

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/^steps created for \d+ scenario\(s\): default/);
  });

  it('fails (blocker) when createStep throws for instance types missing from a hand-written table', async () => {
    const Tabled = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getEnvironmentVariables(): Record<string, string> {
          const type = String(this.config.training_instance_type);
          const gpus = GPUS_PER_INSTANCE[type];
          if (gpus === undefined) throw new Error(`Unknown instance type ${type}`);
          return { ...super.getEnvironmentVariables(), NUM_GPUS: String(gpus) };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Tabled), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^scenario 'cpu' \(CPU instance types the schema accepts\): createStep failed: Unknown instance type ml\.[a-z]\w*\.\w+; /);
    expect(result.message).toMatch(/; scenario 'gpu' \(GPU instance types the schema accepts\): createStep failed: Unknown instance type ml\.[a-z]\w*\.\w+/);
  });
});
