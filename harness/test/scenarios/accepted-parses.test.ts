import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AcceptedParses, keepParseFor, sameFields, takeParseFor } from '../../src/scenarios/accepted-parses.js';

/** sameFields as first written, with both configs' key lists: the one it is compared with. */
function sameFieldsByKeyLists(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  return keys.length === others.length && keys.every((key, i) => key === others[i] && Object.is(a[key], b[key]));
}

describe('sameFields', () => {
  it('holds for the same fields in the same order with the same values, and for nothing else', () => {
    const nested = { a: 1 };
    expect(sameFields({ x: 1, y: nested }, { x: 1, y: nested })).toBe(true);
    expect(sameFields({ x: 1, y: nested }, { x: 1, y: { a: 1 } })).toBe(false);
    expect(sameFields({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
    expect(sameFields({ x: 1 }, { x: 1, y: undefined })).toBe(false);
    expect(sameFields({ x: 0 }, { x: -0 })).toBe(false);
    expect(sameFields({ x: Number.NaN }, { x: Number.NaN })).toBe(true);
  });

  it('decides as the comparison of both key lists did, for configs that share, reorder, drop or change fields', () => {
    const shared = { nested: 'object' };
    const value = fc.oneof(fc.constantFrom(0, -0, 1, Number.NaN, undefined, null, 'a', shared), fc.string({ maxLength: 2 }));
    const config = fc.dictionary(fc.constantFrom('a', 'b', 'c', '1', '0', 'constructor'), value, { maxKeys: 5 });
    // Another config made from the first: the same, its fields in another order, one field dropped or changed.
    const pair = config.chain((first) =>
      fc.tuple(
        fc.constant(first),
        fc.oneof(
          fc.constant({ ...first }),
          fc.shuffledSubarray(Object.keys(first), { minLength: Object.keys(first).length }).map((keys) => Object.fromEntries(keys.map((k) => [k, first[k]]))),
          fc.constantFrom(...Object.keys(first), 'z').map((dropped) => Object.fromEntries(Object.entries(first).filter(([k]) => k !== dropped))),
          fc.tuple(fc.constantFrom(...Object.keys(first), 'z'), value).map(([field, changed]) => ({ ...first, [field]: changed })),
          config,
        ),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameFields(a, b)).toBe(sameFieldsByKeyLists(a, b));
        expect(sameFields(b, a)).toBe(sameFieldsByKeyLists(b, a));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('AcceptedParses', () => {
  it('gives each output recorded for a config with the same fields once, the latest first', () => {
    const parses = new AcceptedParses();
    parses.record({ a: 1 }, 'first');
    parses.record({ a: 2 }, 'second');
    parses.record({ a: 1 }, 'again');
    expect(parses.take({ a: 1 })).toEqual({ output: 'again' });
    expect(parses.take({ a: 1 })).toEqual({ output: 'first' });
    expect(parses.take({ a: 1 })).toBeUndefined();
    expect(parses.take({ a: 3 })).toBeUndefined();
    expect(parses.take({ a: 2 })).toEqual({ output: 'second' });
  });
});

describe('keepParseFor / takeParseFor', () => {
  it('hands the output kept for a plan config to one caller, for that very object only', () => {
    const config = { a: 1 };
    keepParseFor(config, { output: 'parsed' });
    expect(takeParseFor({ a: 1 })).toBeUndefined();
    expect(takeParseFor(config)).toEqual({ output: 'parsed' });
    expect(takeParseFor(config)).toBeUndefined();
  });
});
