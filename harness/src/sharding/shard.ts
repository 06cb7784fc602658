import { byName } from '../report/run-report.js';

export interface Shard {
  /** 1-based, like vitest's `--shard`. */
  readonly index: number;
  readonly count: number;
}

export class ShardSyntaxError extends Error {
  constructor(text: string, why: string) {
    super(`--shard ${text} is not valid: ${why}. Write it as i/n with 1 ≤ i ≤ n, for example --shard 1/3`);
    this.name = 'ShardSyntaxError';
  }
}

/** `"2/3"` → `{ index: 2, count: 3 }`. @throws ShardSyntaxError */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new ShardSyntaxError(text, 'expected two whole numbers separated by /');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ShardSyntaxError(text, 'the shard count must be at least 1');
  if (index < 1 || index > count) throw new ShardSyntaxError(text, `the index must be between 1 and ${count}`);
  return { index, count };
}

/**
 * The names shard `index` of `count` scores: sorted by name, then every count-th one starting at index − 1.
 * Deterministic, and every name falls in exactly one shard; shard sizes differ by at most one.
 */
export function namesInShard(names: readonly string[], shard: Shard): string[] {
  return [...names].sort(byName).filter((_, i) => i % shard.count === shard.index - 1);
}
