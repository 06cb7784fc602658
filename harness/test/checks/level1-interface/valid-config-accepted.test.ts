import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withDefaultConfig, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level1.valid_config_accepted';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s', async (name) => {
    expect((await runChecks(realBuilder(name), [ID]))[ID]?.status).toBe('pass');
  });

  it('fails with the config as root cause when the default config is invalid', async () => {
    const broken = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      delete config['source_dir'];
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.rootCause?.kind).toBe('config');
    expect(result?.rootCause?.message).toContain('source_dir: required field is missing');
  });

  it('fails with builder construction as root cause for the reference PyTorch checkpoints defect', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
      (contract.expectedOutputPaths as Record<string, string>)['checkpoints'] = '/opt/ml/checkpoints';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.rootCause?.kind).toBe('builder_construction');
    expect(result?.rootCause?.message).toContain(`Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`);
  });
});
