import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineFor, writeBaseline } from '../../src/nightly/baseline.js';
import { readHistory } from '../../src/nightly/history.js';
import { loadNightlyInputs, nightlyFolderName, type NightlyPaths, writeNightlyRun } from '../../src/nightly/nightly-run.js';
import { brokenBuilder, fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';

let reports: string;
let paths: NightlyPaths;
beforeEach(async () => {
  reports = await mkdtemp(join(tmpdir(), 'stepscore-nightly-'));
  paths = { nightlyRoot: join(reports, 'nightly'), historyFile: join(reports, 'history.jsonl'), baselineFile: join(reports, 'baseline.json') };
});
afterEach(async () => {
  await rm(reports, { recursive: true, force: true });
});

const at = (day: number) => ({ startedAt: `2025-08-${day}T02:00:00.000Z`, finishedAt: `2025-08-${day}T02:00:03.000Z`, durationMs: 3000 });

describe('a nightly run', () => {
  it('names its folder by its UTC start time', () => {
    expect(nightlyFolderName('2025-08-16T00:23:05.123Z')).toBe('2025-08-16T00-23-05Z');
  });

  it('writes its reports to a new timestamped folder and appends itself to the history', async () => {
    await writeBaseline(paths.baselineFile, baselineFor(fabricatedReport([healthyBuilder('A'), healthyBuilder('B')])));
    const first = await writeNightlyRun(
      fabricatedReport([healthyBuilder('A'), healthyBuilder('B')], { timing: at(14) }),
      await loadNightlyInputs(paths),
      paths,
    );
    expect(first.folder).toBe(join(paths.nightlyRoot, '2025-08-14T02-00-00Z'));
    expect((await readdir(first.folder)).sort()).toEqual([
      'builders',
      'comparison.json',
      'comparison.md',
      'junit.xml',
      'report.html',
      'report.md',
      'summary.json',
    ]);
    expect(first.regressed).toBe(false);
    expect(first.comparisons[0]?.notComparable).toMatch(/no earlier run/);
    expect(first.comparisons[1]?.against).toBe(`baseline (${paths.baselineFile})`);

    const second = await writeNightlyRun(
      fabricatedReport([healthyBuilder('A'), brokenBuilder('B')], { timing: at(15) }),
      await loadNightlyInputs(paths),
      paths,
    );
    expect(second.regressed).toBe(true);
    for (const comparison of second.comparisons) {
      expect(comparison.regressed).toBe(true);
      expect(comparison.scoreDrops).toEqual([{ builder: 'B', before: 100, after: 14.2857 }]);
      expect(comparison.ratingDrops).toEqual([{ builder: 'B', before: 'Excellent', after: 'Poor' }]);
      expect(comparison.passToFail.map((c) => c.check)).toContain('level3.step_instantiation');
    }
    expect(second.comparisons[0]?.against).toBe('previous run (2025-08-14T02:00:00.000Z)');
    const markdown = await readFile(join(second.folder, 'comparison.md'), 'utf8');
    expect(markdown).toContain('## Compared with the previous run (2025-08-14T02:00:00.000Z): REGRESSED');
    expect(markdown).toContain('- REGRESSION score: B 100.0 → 14.3');

    const history = await readHistory(paths.historyFile);
    expect(history.map((h) => [h.startedAt, h.report])).toEqual([
      ['2025-08-14T02:00:00.000Z', 'nightly/2025-08-14T02-00-00Z'],
      ['2025-08-15T02:00:00.000Z', 'nightly/2025-08-15T02-00-00Z'],
    ]);
    const html = await readFile(join(second.folder, 'report.html'), 'utf8');
    expect((html.match(/<svg class="history-chart"/g) ?? []).length).toBe(2);
    expect(html).toContain('overall score over the last 2 runs');
  });

  it('never reuses a folder: a second run in the same second gets its own', async () => {
    const report = fabricatedReport([healthyBuilder()], { timing: at(16) });
    const one = await writeNightlyRun(report, await loadNightlyInputs(paths), paths);
    const two = await writeNightlyRun(report, await loadNightlyInputs(paths), paths);
    expect(two.folder).toBe(`${one.folder}-2`);
  });
});
