// The seed's defect end to end: a `checkpoints` output in the PyTorch contract that the spec does not declare.
import { describe, expect, it } from 'vitest';
import { groupRootCauses } from '../src/report/root-cause-groups.js';
import { scoreBuilder } from '../src/scoring/score-builder.js';
import { realBuilder, runChecks, withSpecAndContract } from './support/broken-builders.js';

const SEED_ROOT_CAUSE = `Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`;

describe("the seed's checkpoints defect", async () => {
  const seeded = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
    (contract as { expectedOutputPaths: Record<string, string> }).expectedOutputPaths = {
      ...contract.expectedOutputPaths,
      checkpoints: '/opt/ml/checkpoints',
    };
  });
  const results = Object.values(await runChecks(seeded));

  it('fails the contract alignment check with the seed message, on its own evidence', () => {
    const alignment = results.find((c) => c.id === 'level2.contract_alignment');
    expect(alignment?.status).toBe('fail');
    expect(alignment?.message).toContain("Contract outputs missing from specification outputs: {'checkpoints'}");
    expect(alignment?.rootCause).toBeUndefined();
  });

  it('reports the construction failure once, as the root cause of every check that needed the builder', () => {
    const rootCaused = results.filter((c) => c.rootCause);
    expect(rootCaused.length).toBeGreaterThan(15);
    for (const check of rootCaused) {
      expect(check.status).toBe('fail');
      expect(check.rootCause?.kind).toBe('builder_construction');
      expect(check.rootCause?.message).toContain(SEED_ROOT_CAUSE);
    }
    const groups = groupRootCauses(results);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.checks).toHaveLength(rootCaused.length);
  });

  it('is never rated Excellent, unlike the reference, and scores far below the clean builder', async () => {
    const score = scoreBuilder(results);
    const clean = scoreBuilder(Object.values(await runChecks(realBuilder('PyTorchTraining'))));
    expect(clean.overall).toBe(100);
    expect(score.rating).not.toBe('Excellent');
    expect(score.overall).toBeLessThan(60);
    expect(score.levels[3].score).toBe(0);
  });
});
