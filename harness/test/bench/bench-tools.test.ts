import { describe, expect, it } from 'vitest';
import { BENCH_USAGE, parseBenchOptions } from '../../bench/bench-options.js';
import { childrenCpuMs } from '../../bench/cold-start.js';
import { median, percentile } from '../../bench/statistics.js';
import { summarise } from '../../bench/summarise-cpu-profile.js';

describe('statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile([7], 0.95)).toBe(7);
  });
});

describe('summarise (cpu profile)', () => {
  // root → a → b, root → c; samples: b, b, a, c with 1, 2, 3, 4 ms.
  const frame = (functionName: string) => ({ functionName, url: '', lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4] },
      { id: 2, callFrame: frame('a'), children: [3] },
      { id: 3, callFrame: frame('b') },
      { id: 4, callFrame: frame('c') },
    ],
    samples: [3, 3, 2, 4],
    timeDeltas: [1000, 2000, 3000, 4000],
  };

  it('adds self time to the sampled function and inclusive time to every caller', () => {
    const byName = Object.fromEntries(summarise(profile).map((t) => [t.name, t]));
    expect(byName['b']).toEqual({ name: 'b', selfMs: 3, totalMs: 3 });
    expect(byName['a']).toEqual({ name: 'a', selfMs: 3, totalMs: 6 });
    expect(byName['c']).toEqual({ name: 'c', selfMs: 4, totalMs: 4 });
    expect(byName['(root)']).toEqual({ name: '(root)', selfMs: 0, totalMs: 10 });
  });

  it('keeps only the samples taken under a function when asked', () => {
    const byName = Object.fromEntries(summarise(profile, 'a').map((t) => [t.name, t]));
    expect(byName['(root)']?.totalMs).toBe(6);
    expect(byName['c']).toBeUndefined();
  });
});

describe('childrenCpuMs (cold start)', () => {
  it("adds the children's user and system time from bash's `times`", () => {
    expect(childrenCpuMs('0m0.004s 0m0.002s\n0m1.250s 0m0.125s\n')).toBeCloseTo(1375, 6);
    expect(childrenCpuMs('0m0.000s 0m0.000s\n1m2.500s 0m0.500s')).toBeCloseTo(63_000, 6);
  });

  it('refuses output it cannot read', () => {
    expect(() => childrenCpuMs('nothing here')).toThrow(/Cannot read CPU times/);
  });
});

describe('pnpm bench options', () => {
  it('defaults to every size and the cold start, and reads each option', () => {
    expect(parseBenchOptions([])).toEqual({ sizes: [10, 100, 1000], runs: 3, coldRuns: 5, skipCold: false, coldOnly: false, workerLine: [] });
    expect(parseBenchOptions(['--sizes', '100, 1000', '--runs', '1', '--skip-cold', '--worker-line', '7,14'])).toMatchObject({
      sizes: [100, 1000],
      runs: 1,
      skipCold: true,
      workerLine: [7, 14],
    });
  });

  it('answers --help and -h with help that names every option it reads', () => {
    expect(parseBenchOptions(['--help'])).toBe('help');
    expect(parseBenchOptions(['-h'])).toBe('help');
    for (const option of ['--sizes', '--runs', '--cold-runs', '--skip-cold', '--cold-only', '--worker-line', '--help']) expect(BENCH_USAGE).toContain(option);
  });

  it('refuses a bad command line naming what is wrong', () => {
    expect(() => parseBenchOptions(['--sizes', '10,x'])).toThrow("--sizes must be positive whole numbers separated by commas (got '10,x')");
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow('--runs and --cold-runs must be positive whole numbers');
    expect(() => parseBenchOptions(['--skip-cold', '--cold-only'])).toThrow('--skip-cold and --cold-only exclude each other');
    expect(() => parseBenchOptions(['--bogus'])).toThrow("Unknown option '--bogus'");
  });
});
