// The in-process time limit of a check, and no limit at all (a builder worker leaves it to the main thread: given to
// setTimeout, Infinity would fire at once).
import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { defineCheck, pass } from '../../src/check/check-definition.js';
import { runCheck } from '../../src/runner/run-check.js';
import { contextWith } from '../checks/level4-integration/level4-fixtures.js';
import { realBuilder } from '../support/broken-builders.js';

const settlingAfter = (ms: number) =>
  defineCheck({
    id: 'level1.settles_late',
    level: 1,
    severity: 'minor',
    appliesTo: 'all',
    title: `settles after ${ms} ms`,
    run: () => new Promise((resolve) => setTimeout(() => resolve(pass('settled')), ms)),
  });

describe('runCheck', () => {
  it('errors, naming the limit, when the check has not settled within it', async () => {
    const ctx = contextWith(realBuilder('PyTorchTraining'), createMockBackend);
    try {
      const result = await runCheck(settlingAfter(200), ctx, 20);
      expect(result.status).toBe('error');
      expect(result.message).toBe('Check level1.settles_late took longer than 20 ms');
    } finally {
      await ctx.close();
    }
  });

  it('waits for the check however long it takes when there is no limit', async () => {
    const ctx = contextWith(realBuilder('PyTorchTraining'), createMockBackend);
    try {
      const result = await runCheck(settlingAfter(30), ctx, Number.POSITIVE_INFINITY);
      expect(result.status).toBe('pass');
      expect(result.durationMs).toBeGreaterThanOrEqual(25);
    } finally {
      await ctx.close();
    }
  });
});
