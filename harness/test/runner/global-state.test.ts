import { describe, expect, it } from 'vitest';
import { snapshotGlobalState } from '../../src/runner/isolated/global-state.js';

describe('snapshotGlobalState', () => {
  it('puts back environment variables that were added, changed or removed, and a replaced process.env', () => {
    process.env.STEPSCORE_KEPT = 'kept';
    process.env.STEPSCORE_CHANGED = 'before';
    const snapshot = snapshotGlobalState();
    const original = process.env;
    process.env.STEPSCORE_ADDED = 'added';
    process.env.STEPSCORE_CHANGED = 'after';
    delete process.env.STEPSCORE_KEPT;
    snapshot.restore();
    expect([process.env.STEPSCORE_ADDED, process.env.STEPSCORE_CHANGED, process.env.STEPSCORE_KEPT]).toEqual([undefined, 'before', 'kept']);
    process.env = { ...original, STEPSCORE_ADDED: 'on a new object' };
    snapshot.restore();
    expect(process.env).toBe(original);
    expect(process.env.STEPSCORE_ADDED).toBeUndefined();
    delete process.env.STEPSCORE_KEPT;
    delete process.env.STEPSCORE_CHANGED;
  });

  it('removes added globals and puts back replaced built-ins and prototype pollution', () => {
    const now = Date.now;
    const stringify = JSON.stringify;
    const snapshot = snapshotGlobalState();
    (globalThis as Record<string, unknown>).stepscoreAdded = 1;
    Date.now = () => 0;
    JSON.stringify = () => 'patched';
    (Object.prototype as Record<string, unknown>).stepscorePolluted = true;
    snapshot.restore();
    expect('stepscoreAdded' in globalThis).toBe(false);
    expect(Date.now).toBe(now);
    expect(JSON.stringify).toBe(stringify);
    expect('stepscorePolluted' in {}).toBe(false);
  });

  it('puts everything back every time it is restored, not only the first', () => {
    const snapshot = snapshotGlobalState();
    const now = Date.now;
    for (const value of ['first', 'second']) {
      process.env.STEPSCORE_AGAIN = value;
      (globalThis as Record<string, unknown>).stepscoreAgain = value;
      Date.now = () => 1;
      snapshot.restore();
      expect([process.env.STEPSCORE_AGAIN, 'stepscoreAgain' in globalThis, Date.now]).toEqual([undefined, false, now]);
    }
  });

  it('restores the globals even when Object.prototype was given a `get` that would spoil property descriptors', () => {
    const snapshot = snapshotGlobalState();
    const parse = globalThis.parseFloat;
    globalThis.parseFloat = () => 0;
    (Object.prototype as Record<string, unknown>).get = 1;
    (Object.prototype as Record<string, unknown>).value = 2;
    snapshot.restore();
    expect(globalThis.parseFloat).toBe(parse);
    expect(['get' in {}, 'value' in {}]).toEqual([false, false]);
  });
});
