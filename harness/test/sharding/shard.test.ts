import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesInShard, parseShard } from '../../src/sharding/shard.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/2', /index must be between 1 and 2/],
    ['3/2', /index must be between 1 and 2/],
    ['1/0', /count must be at least 1/],
    ['a/b', /two whole numbers/],
    ['1', /two whole numbers/],
    ['1.5/2', /two whole numbers/],
  ])('refuses %s, saying how to write it', (text, why) => {
    expect(() => parseShard(text)).toThrow(why);
    expect(() => parseShard(text)).toThrow(/for example --shard 1\/3/);
  });
});

describe('namesInShard', () => {
  it('deals the sorted names round-robin', () => {
    const names = ['XGBoostTraining', 'PyTorchTraining', 'SKLearnTraining', 'LightGBMTraining', 'TabularPreprocessing'];
    expect(namesInShard(names, { index: 1, count: 2 })).toEqual(['LightGBMTraining', 'SKLearnTraining', 'XGBoostTraining']);
    expect(namesInShard(names, { index: 2, count: 2 })).toEqual(['PyTorchTraining', 'TabularPreprocessing']);
    expect(namesInShard(['A'], { index: 2, count: 3 })).toEqual([]);
  });

  it('puts every name in exactly one shard, whatever their order, with sizes differing by at most one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (names, count) => {
        const shards = Array.from({ length: count }, (_, i) => namesInShard(names, { index: i + 1, count }));
        const shuffled = Array.from({ length: count }, (_, i) => namesInShard([...names].reverse(), { index: i + 1, count }));
        expect(shuffled).toEqual(shards);
        expect(shards.flat().sort()).toEqual([...names].sort());
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
