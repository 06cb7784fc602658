import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { reportLostCheck } from '../../src/runner/isolated/lost-check.js';

const check = ALL_CHECKS[0]!;

describe('reportLostCheck', () => {
  it('says the builder code did not return when the hang was outside its config, constructor and createStep', () => {
    const report = reportLostCheck('PyTorchTraining', check, {
      checkId: check.id,
      durationMs: 5001,
      pending: undefined,
      loss: { kind: 'timeout', timeoutMs: 5000, busy: 0.5 },
    });
    expect(report.result).toMatchObject({
      id: check.id,
      level: check.level,
      status: 'error',
      durationMs: 5001,
      message: `Check ${check.id} took longer than 5000 ms: the builder's code had not returned (the worker was running code 50% of the time); the worker running PyTorchTraining was stopped`,
    });
    expect(report.rootCause).toBeUndefined();
    expect(report.result?.rootCause).toBeUndefined();
  });

  it('makes a constructor that hung the root cause for the checks still to run', () => {
    const report = reportLostCheck('PyTorchTraining', check, {
      checkId: check.id,
      durationMs: 1000,
      pending: { kind: 'builder_construction', phase: 'running' },
      loss: { kind: 'timeout', timeoutMs: 1000, busy: 1 },
    });
    const cause = {
      kind: 'builder_construction',
      message:
        'PyTorchTraining could not be constructed: the PyTorchTraining constructor took longer than 1000 ms (the worker was busy running code the whole time)',
    };
    expect(report.rootCause).toEqual({ kind: 'builder_construction', cause });
    expect(report.result?.rootCause).toEqual(cause);
  });

  it('keeps the root cause but reports no check when the worker was lost after the last check', () => {
    const report = reportLostCheck('XGBoostTraining', undefined, {
      checkId: undefined,
      durationMs: 0,
      pending: { kind: 'config', phase: 'running' },
      loss: { kind: 'crash', cause: 'process.exit(1) was called' },
    });
    expect(report.result).toBeUndefined();
    expect(report.rootCause?.cause.message).toBe(
      "XGBoostTraining's config could not be parsed: the worker stopped (process.exit(1) was called) while XGBoostTraining's config schema ran",
    );
  });
});
