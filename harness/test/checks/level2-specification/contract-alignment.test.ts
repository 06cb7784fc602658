import { describe, expect, it } from 'vitest';
import { buildersJudgedBy, realBuilder, runCheck, runChecks, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.contract_alignment';

/** The reference's PyTorch defect: the contract declares a checkpoints output the spec does not have. */
const withCheckpointsOutput = () =>
  withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
    (contract.expectedOutputPaths as Record<string, string>)['checkpoints'] = '/opt/ml/checkpoints';
  });

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails with the reference's message for the checkpoints defect, without a root cause", async () => {
    const result = (await runChecks(withCheckpointsOutput(), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(`Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`);
    expect(result?.rootCause).toBeUndefined();
  });

  it('names the defect once as the root cause of checks that need the builder', async () => {
    const results = await runChecks(withCheckpointsOutput(), [ID, 'level1.valid_scenarios_accepted']);
    expect(results[ID]?.message).toContain("Contract outputs missing from specification outputs: {'checkpoints'}");
    const needsBuilder = results['level1.valid_scenarios_accepted'];
    expect(needsBuilder?.status).toBe('fail');
    expect(needsBuilder?.rootCause?.message).toContain(
      `Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`,
    );
  });

  it('fails the other way round: a spec dependency the contract does not declare', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
      delete (contract.expectedInputPaths as Record<string, string>)['hyperparameters_s3_uri'];
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(`Spec-Contract alignment errors: ["Specification dependencies missing from contract inputs: {'hyperparameters_s3_uri'}"]`);
  });

  it('fails when the registered contract is not the one the spec carries', async () => {
    const base = realBuilder('XGBoostTraining');
    const broken = { ...base, contract: { ...base.contract!, entryPoint: 'other_training.py' } };
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("The specification's scriptContract is not the contract XGBoostTraining is registered with");
  });
});
