import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thresholdFailures } from '../../src/cli/thresholds.js';
import { reportFiles } from '../../src/report/report-files.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { brokenBuilder, check, fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';
import { runStepscore } from './cli-runner.js';

const report = fabricatedReport([brokenBuilder(), healthyBuilder()]);

describe('thresholdFailures', () => {
  it('names each builder under --min-score with its score', () => {
    expect(thresholdFailures(report, { minScore: 50 })).toEqual(['BrokenTraining scored 14.3, below --min-score 50']);
    expect(thresholdFailures(report, { minScore: 14.2857 })).toEqual([]);
    expect(thresholdFailures(report, { minScore: 100 })).toEqual(['BrokenTraining scored 14.3, below --min-score 100']);
  });

  it('names each builder under --min-rating with its rating', () => {
    expect(thresholdFailures(report, { minRating: 'Needs Work' })).toEqual(['BrokenTraining is rated Poor, below --min-rating Needs Work']);
    expect(thresholdFailures(report, { minRating: 'Poor' })).toEqual([]);
  });

  it('puts a builder in which no check ran under every bar', () => {
    const empty = fabricatedReport([{ ...healthyBuilder('Empty'), checks: [check('level3.checkpoint_config', 'not_applicable')] }]);
    expect(thresholdFailures(empty, { minScore: 0, minRating: 'Poor' })).toEqual([
      'Empty scored nothing (no check ran), below --min-score 0',
      'Empty is rated nothing (no check ran), below --min-rating Poor',
    ]);
  });

  it('has nothing to say without bars', () => {
    expect(thresholdFailures(report, {})).toEqual([]);
  });
});

describe('exit code 1 below --min-score / --min-rating (through merge of a run with a broken builder)', () => {
  let work: string;
  let shards: string[];
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'stepscore-bars-'));
    const of = ['BrokenTraining', 'HealthyTraining'];
    shards = [];
    for (const [index, result] of [brokenBuilder(), healthyBuilder()].entries()) {
      const folder = join(work, `shard-${index + 1}`);
      await writeReportFiles(folder, reportFiles(fabricatedReport([result], { shard: { index: index + 1, count: 2, of } })));
      shards.push(folder);
    }
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it.each([
    [['--min-score', '90'], 'BrokenTraining scored 14.3, below --min-score 90'],
    [['--min-rating', 'Good'], 'BrokenTraining is rated Poor, below --min-rating Good'],
  ])('%j exits 1 naming the builder, after writing the reports', async (args, message) => {
    const out = join(work, `out-${args[0]}`);
    const run = await runStepscore(['merge', ...shards, '--out', out, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`✗ ${message}`);
    expect(run.stderr).toContain('error: 1 problem above: exit code 1');
    expect(run.stdout).toContain('✗ BrokenTraining  14.3 Poor · no blockers · failed 5/6 (1 error), 1 n/a');
    expect(run.stdout).toContain('root cause #1 (builder_construction, 3 checks)');
    expect(run.stdout).toContain(`Reports written to ${out}/`);
  });

  it('exits 0 when the bar is low enough', async () => {
    const run = await runStepscore(['merge', ...shards, '--out', join(work, 'low'), '--min-score', '10', '--min-rating', 'Poor', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { builders: unknown[] }).builders).toHaveLength(2);
  });
});
