import { describe, expect, it } from 'vitest';
import { cloneable } from '../../src/runner/isolated/cloneable.js';

describe('cloneable', () => {
  it('returns evidence that structured-clones unchanged', () => {
    const evidence = { problems: ['a'], seen: new Map([['k', { n: 1 }]]) };
    expect(cloneable(evidence)).toBe(evidence);
  });

  it('describes functions, promises and symbols, keeping the rest and any cycle', () => {
    const evidence: Record<string, unknown> = {
      name: 'x',
      nested: { returned: function createStep() {}, pending: Promise.resolve(1) },
      list: [Symbol('s'), 2],
    };
    evidence.self = evidence;
    const result = cloneable({ status: 'fail', evidence }) as { status: string; evidence: Record<string, unknown> };
    expect(() => structuredClone(result)).not.toThrow();
    expect(result.evidence).toMatchObject({ name: 'x', nested: { returned: '[Function createStep]', pending: '[Promise]' }, list: ['Symbol(s)', 2] });
    expect(result.evidence.self).toBe(result.evidence);
  });
});
