import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTiming } from '../report/fabricated-results.js';
import { builderRegistry } from '../support/repository-project.js';
import { runStepscore } from './cli-runner.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-determinism-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function jsonFiles(folder: string): Promise<Record<string, unknown>> {
  const files = ['summary.json', ...(await readdir(join(folder, 'builders'))).map((f) => `builders/${f}`)];
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, JSON.parse(await readFile(join(folder, f), 'utf8')) as unknown])));
}

describe('two runs of stepscore score on an unchanged tree', () => {
  it('give identical JSON apart from the timing fields', async () => {
    const [a, b] = [join(work, 'a'), join(work, 'b')];
    expect((await runStepscore(['score', '--out', a, '--concurrency', '1'])).code).toBe(0);
    expect((await runStepscore(['score', '--out', b, '--concurrency', '2'])).code).toBe(0);
    const first = await jsonFiles(a);
    const second = await jsonFiles(b);
    expect(Object.keys(first).sort()).toEqual(['summary.json', ...builderRegistry.names().map((n) => `builders/${n}.json`)].sort());
    expect(withoutTiming(second)).toEqual(withoutTiming(first));
    // What differs is only under timing: the start time, say.
    expect((first['summary.json'] as { timing: { startedAt: string } }).timing.startedAt).not.toBe(
      (second['summary.json'] as { timing: { startedAt: string } }).timing.startedAt,
    );
  }, 120_000);
});
