import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuilderResult } from '../../src/check/check-result.js';
import { InputFileError } from '../../src/report/input-file-error.js';
import { reportFiles } from '../../src/report/report-files.js';
import { renderSummaryJson } from '../../src/reporters/json/summary-document.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { MergeError, mergeShardFolders } from '../../src/sharding/merge-shards.js';
import { namesInShard } from '../../src/sharding/shard.js';
import { runStepscore } from '../cli/cli-runner.js';
import { builderRegistry } from '../support/repository-project.js';
import { brokenBuilder, fabricatedReport, healthyBuilder, withoutTiming } from '../report/fabricated-results.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepscore-merge-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const ALL: BuilderResult[] = [brokenBuilder('Alpha'), healthyBuilder('Bravo'), healthyBuilder('Charlie'), brokenBuilder('Delta'), healthyBuilder('Echo')];
const NAMES = ALL.map((r) => r.builder);

/** Writes shard i/n of ALL as `stepscore score --shard i/n` would, with its own timing. */
async function writeShard(folder: string, index: number, count: number, results = ALL): Promise<string> {
  const mine = namesInShard(NAMES, { index, count });
  const timing = { startedAt: `2025-08-16T00:0${index}:00.000Z`, finishedAt: `2025-08-16T00:0${index}:30.000Z`, durationMs: 30_000 };
  const report = fabricatedReport(
    results.filter((r) => mine.includes(r.builder)),
    { shard: { index, count, of: NAMES }, timing },
  );
  const path = join(work, folder);
  await writeReportFiles(path, reportFiles(report));
  return path;
}

describe('mergeShardFolders', () => {
  it('joins the shards into the report one unsharded run gives', async () => {
    const parts = [await writeShard('a1', 1, 3), await writeShard('a2', 2, 3), await writeShard('a3', 3, 3)];
    const merged = await mergeShardFolders([parts[2] as string, parts[0] as string, parts[1] as string]);
    const whole = fabricatedReport(ALL);
    expect(withoutTiming(JSON.parse(renderSummaryJson(merged)))).toEqual(withoutTiming(JSON.parse(renderSummaryJson(whole))));
    expect(
      reportFiles(merged)
        .filter((f) => f.path.startsWith('builders/'))
        .map((f) => withoutTiming(JSON.parse(f.content))),
    ).toEqual(
      reportFiles(whole)
        .filter((f) => f.path.startsWith('builders/'))
        .map((f) => withoutTiming(JSON.parse(f.content))),
    );
    expect(merged.timing).toEqual({ startedAt: '2025-08-16T00:01:00.000Z', finishedAt: '2025-08-16T00:03:30.000Z', durationMs: 150_000 });
    expect(merged.run.shard).toBeNull();
  });

  it('says which shard is missing', async () => {
    const parts = [await writeShard('b1', 1, 3), await writeShard('b3', 3, 3)];
    await expect(mergeShardFolders(parts)).rejects.toThrow(
      new MergeError('Shard 2/3 missing: run `stepscore score --shard i/3` for it and pass the folder too.'),
    );
  });

  it('refuses a shard given twice, shards of different splits and a whole run', async () => {
    const one = await writeShard('c1', 1, 2);
    await expect(mergeShardFolders([one, one])).rejects.toThrow(/are both shard 1\/2: pass each shard's folder once/);
    const otherSplit = await writeShard('c2', 2, 3);
    await expect(mergeShardFolders([one, otherSplit])).rejects.toThrow(/has shard count 3 but .* has 2: only shards of one run can be merged/);
    const whole = join(work, 'c-whole');
    await writeReportFiles(whole, reportFiles(fabricatedReport(ALL)));
    await expect(mergeShardFolders([one, whole])).rejects.toThrow(/is a whole run, not a shard/);
    await expect(mergeShardFolders([])).rejects.toThrow(/No shard folders given/);
  });

  it('refuses shards whose builders overlap', async () => {
    const one = await writeShard('d1', 1, 2);
    const two = await writeShard('d2', 2, 2);
    // Shard 2 claims a builder of shard 1 as well.
    const summary = JSON.parse(await readFile(join(two, 'summary.json'), 'utf8')) as {
      builders: { builder: string; file: string }[];
      run: { builders: string[] };
    };
    const stolen = JSON.parse(await readFile(join(one, 'builders', 'Alpha.json'), 'utf8')) as { run: { shard: unknown } };
    stolen.run.shard = { index: 2, count: 2, of: NAMES };
    await writeFile(join(two, 'builders', 'Alpha.json'), JSON.stringify(stolen));
    summary.builders.unshift({ ...(summary.builders[0] as { builder: string; file: string }), builder: 'Alpha', file: 'builders/Alpha.json' });
    summary.run.builders.unshift('Alpha');
    await writeFile(join(two, 'summary.json'), JSON.stringify(summary));
    await expect(mergeShardFolders([one, two])).rejects.toThrow(/Alpha is in both .* the shards overlap/);
  });

  it('names the damaged file and field', async () => {
    const one = await writeShard('e1', 1, 2);
    const two = await writeShard('e2', 2, 2);
    await writeFile(join(two, 'summary.json'), (await readFile(join(two, 'summary.json'), 'utf8')).replace('"backend": "mock"', '"backend": 7'));
    const error = await mergeShardFolders([one, two]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toMatch(/e2\/summary\.json, field run\.backend: Invalid input: expected string, received number/);
  });
});

describe('stepscore score --shard and stepscore merge on the real builders', () => {
  // Both tests merge the shards of these runs (each stepscore score starts a builder worker: about a second of CPU).
  let whole: string;
  let shard1: string;
  let shard2: string;
  let first: Awaited<ReturnType<typeof runStepscore>>;
  let second: Awaited<ReturnType<typeof runStepscore>>;
  beforeAll(async () => {
    whole = join(work, 'whole');
    shard1 = join(work, 'shard-1');
    shard2 = join(work, 'shard-2');
    expect((await runStepscore(['score', '--out', whole, '--json'])).code).toBe(0);
    first = await runStepscore(['score', '--shard', '1/2', '--out', shard1, '--json']);
    second = await runStepscore(['score', '--shard', '2/2', '--out', shard2, '--json']);
  }, 120_000);

  it('merge writes the same summary and builder files as an unsharded run', async () => {
    const merged = join(work, 'merged');
    expect([first.code, second.code]).toEqual([0, 0]);
    const partial = JSON.parse(first.stdout) as { run: { builders: string[]; shard: unknown } };
    const registered = builderRegistry.names().sort();
    expect(partial.run.builders).toEqual(namesInShard(registered, { index: 1, count: 2 }));
    expect(partial.run.shard).toEqual({ index: 1, count: 2, of: registered });

    const run = await runStepscore(['merge', shard2, shard1, '--out', merged]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Summary');
    const read = async (folder: string, file: string) => withoutTiming(JSON.parse(await readFile(join(folder, file), 'utf8')));
    for (const file of ['summary.json', ...registered.map((n) => `builders/${n}.json`)]) {
      expect(await read(merged, file)).toEqual(await read(whole, file));
    }
  }, 60_000);

  it('merge exits 2 on a missing shard, naming it', async () => {
    expect(first.code, first.stderr).toBe(0);
    const run = await runStepscore(['merge', shard1, '--out', join(work, 'never')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: Shard 2/2 missing');
  });
});
