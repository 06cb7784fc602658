import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesInShard } from '../../src/sharding/shard.js';

const RUNS = 1000;

/** Builder-like names, any text, and lists with repeats (each occurrence must still land once). */
const names = fc.oneof(
  fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/), { maxLength: 40 }),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 40 }),
  fc.array(fc.constantFrom('PyTorchTraining', 'XGBoostTraining', 'a', ''), { maxLength: 20 }),
);
const count = fc.integer({ min: 1, max: 8 });

const shardsOf = (list: readonly string[], n: number): string[][] => Array.from({ length: n }, (_, i) => namesInShard(list, { index: i + 1, count: n }));
const sorted = (list: readonly string[]): string[] => [...list].sort();

describe('sharding, for arbitrary builder-name lists and 1 to 8 shards', () => {
  it('the shards together hold every name exactly once', () => {
    fc.assert(
      fc.property(names, count, (list, n) => {
        expect(sorted(shardsOf(list, n).flat())).toEqual(sorted(list));
      }),
      { numRuns: RUNS },
    );
  });

  it('shard sizes differ by at most one', () => {
    fc.assert(
      fc.property(names, count, (list, n) => {
        const sizes = shardsOf(list, n).map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('a name lands in the same shard whatever order the names are given in', () => {
    fc.assert(
      fc.property(
        names.chain((list) => fc.shuffledSubarray(list, { minLength: list.length }).map((shuffled) => ({ list, shuffled }))),
        count,
        ({ list, shuffled }, n) => {
          expect(shardsOf(shuffled, n)).toEqual(shardsOf(list, n));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
