import { describe, expect, it } from 'vitest';
import { CheckFailure, failureText } from '../../src/vitest/define-builder-tests.js';
import { check, CONSTRUCTION_FAILURE } from './fabricated-results.js';

describe('a failing check in `pnpm test:builders`', () => {
  it('shows the builder, the check, its message, its evidence and its root cause', () => {
    const failed = check('level2.contract_alignment', 'fail', {
      severity: 'blocker',
      message: 'outputs missing: {checkpoints}',
      evidence: { missing: ['checkpoints'] },
      rootCause: CONSTRUCTION_FAILURE,
    });
    expect(failureText('BrokenTraining', failed)).toBe(
      `BrokenTraining: BLOCKER level2.contract_alignment failed — outputs missing: {checkpoints}\nEvidence: {\n  "missing": [\n    "checkpoints"\n  ]\n}\nRoot cause (builder_construction): ${CONSTRUCTION_FAILURE.message}`,
    );
  });

  it('cuts long evidence and says where the whole of it is', () => {
    const text = failureText('BigTraining', check('level3.x', 'fail', { evidence: { blob: 'x'.repeat(5000) } }));
    expect(text.length).toBeLessThan(2300);
    expect(text).toContain('(cut; the full evidence is in builders/BigTraining.json of `pnpm score`)');
  });

  it('is an error without a stack frame, so vitest points at no harness line', () => {
    const error = new CheckFailure('BrokenTraining', check('level2.job_arguments', 'error', { message: 'boom' }));
    expect(error.name).toBe('CheckError');
    expect(error.stack).toBe('CheckError: BrokenTraining: level2.job_arguments errored — boom');
    expect(error.stack).not.toMatch(/\n\s+at /);
  });
});
