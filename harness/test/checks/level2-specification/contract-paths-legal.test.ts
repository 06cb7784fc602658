import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.contract_paths_legal';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails for an output outside the container output folders and a shell entry point', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
      (contract.expectedOutputPaths as Record<string, string>)['data_output'] = '/tmp/output';
      (contract as { entryPoint: string }).entryPoint = 'train.sh';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "Output path for 'data_output' must start with /opt/ml/model, /opt/ml/output/data, /opt/ml/checkpoints, got: /tmp/output",
    );
    expect(result?.message).toContain('Entry point must be a Python file (.py), got: "train.sh"');
  });

  it('fails for an input outside /opt/ml/input', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
      (contract.expectedInputPaths as Record<string, string>)['input_path'] = '/data/train';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Input path for 'input_path' must start with /opt/ml/input/data or /opt/ml/input/config, got: /data/train");
  });
});
