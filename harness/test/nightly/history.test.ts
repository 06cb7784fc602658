import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, historyEntryFor, previousComparableRun, readHistory } from '../../src/nightly/history.js';
import { snapshotOf } from '../../src/nightly/run-snapshot.js';
import { InputFileError } from '../../src/report/input-file-error.js';
import { fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'stepscore-history-'));
  path = join(folder, 'history.jsonl');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const first = historyEntryFor(fabricatedReport(), 'nightly/2025-08-16T00-23-00Z');
const second = historyEntryFor(
  fabricatedReport([healthyBuilder()], { timing: { startedAt: '2025-08-17T00:23:00.000Z', finishedAt: '2025-08-17T00:23:01.000Z', durationMs: 1000 } }),
  'nightly/2025-08-17T00-23-00Z',
);

describe('history.jsonl', () => {
  it('is empty before the first run', async () => {
    expect(await readHistory(path)).toEqual([]);
  });

  it('gets one JSON line per run, read back oldest first', async () => {
    await appendHistory(path, first);
    await appendHistory(path, second);
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(await readHistory(path)).toEqual([first, second]);
    expect(first).toMatchObject({
      schema: 'stepscore.history',
      schemaVersion: 1,
      startedAt: '2025-08-16T00:23:00.000Z',
      backend: 'mock',
      levels: [1, 2, 3, 4],
    });
    expect(first.builders[0]).toMatchObject({ builder: 'BrokenTraining', overall: 14.2857, rating: 'Poor', levels: { 1: 100, 2: 0, 3: 0, 4: 0 } });
    expect(first.builders[0]?.checks['level2.job_arguments']).toBe('error');
  });

  it('adds a line after a last line that lacks its newline', async () => {
    await writeFile(path, JSON.stringify(first));
    await appendHistory(path, second);
    expect(await readHistory(path)).toEqual([first, second]);
  });

  it('names the file and line of a line that is not JSON, and leaves the file as it was', async () => {
    const corrupt = `${JSON.stringify(first)}\n{"schema":"stepscore.history","startedAt":\n`;
    await writeFile(path, corrupt);
    const error = (await readHistory(path).catch((e: unknown) => e)) as InputFileError;
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 2: is not valid JSON`));
    expect(error.message).toContain('fix or delete line 2');
    await expect(appendHistory(path, second)).rejects.toThrow(/line 2/);
    expect(await readFile(path, 'utf8')).toBe(corrupt);
  });

  it('names the line and field of a line with a wrong value', async () => {
    const bad = { ...second, builders: [{ ...second.builders[0], overall: 250 }] };
    await writeFile(path, `${JSON.stringify(first)}\n\n${JSON.stringify(bad)}\n`);
    await expect(readHistory(path)).rejects.toThrow(/history\.jsonl, line 3, field builders\[0\]\.overall: Too big: expected number to be <=100/);
  });

  it('finds the latest run with the same levels and backend', () => {
    const levelOne = historyEntryFor(fabricatedReport([healthyBuilder()], { levels: [1] }), 'nightly/x');
    const current = snapshotOf(fabricatedReport());
    expect(previousComparableRun([first, second, levelOne], current)).toBe(second);
    expect(previousComparableRun([levelOne], current)).toBeUndefined();
  });
});
