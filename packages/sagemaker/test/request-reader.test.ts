import { describe, expect, it } from 'vitest';
import { stepValueMap } from '../src/request-reader.js';

describe('stepValueMap', () => {
  it('keeps the entries whose values are literals or pipeline expressions, in order, and nothing else', () => {
    const expression = { Get: 'Parameters.Region' };
    expect(stepValueMap({ A: 'x', B: 2, C: true, D: expression, E: { not: 'a value' }, F: Number.NaN, G: null, H: [1] })).toEqual({
      A: 'x',
      B: 2,
      C: true,
      D: expression,
    });
    expect(Object.keys(stepValueMap({ Z: '1', A: '2' }))).toEqual(['Z', 'A']);
    expect(stepValueMap('x')).toEqual({});
    expect(stepValueMap(expression)).toEqual({});
  });

  it('takes a key named __proto__ as an entry, as Object.fromEntries does', () => {
    const map = stepValueMap(JSON.parse('{"__proto__": "x", "B": "y"}'));
    expect(Object.keys(map)).toEqual(['__proto__', 'B']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
