import { profileCheckIds } from '../../src/profiles/index.js';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineFor, loadBaseline, writeBaseline } from '../../src/nightly/baseline.js';
import { readHistory } from '../../src/nightly/history.js';
import { reportFiles } from '../../src/report/report-files.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { brokenBuilder, fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';
import { builderRegistry } from '../support/repository-project.js';
import { runStepscore } from './cli-runner.js';

let reports: string;
beforeEach(async () => {
  reports = await mkdtemp(join(tmpdir(), 'stepscore-nightly-cli-'));
});
afterEach(async () => {
  await rm(reports, { recursive: true, force: true });
});

describe('stepscore score --nightly', () => {
  it('writes reports/nightly/<UTC time>/, appends the history and compares with the previous run and the baseline', async () => {
    const first = await runStepscore(['score', '--nightly', '--level', '1', '--reports-dir', reports]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Compared with the previous run: not compared');
    expect(first.stdout).toContain('there is no baseline yet: create it with `pnpm stepscore baseline update`');
    const folders = await readdir(join(reports, 'nightly'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect((await readdir(join(reports, 'nightly', folders[0] as string))).sort()).toEqual([
      'builders',
      'comparison.json',
      'comparison.md',
      'junit.xml',
      'report.html',
      'report.md',
      'summary.json',
    ]);

    const update = await runStepscore(['baseline', 'update', '--reports-dir', reports, '--from', join(reports, 'nightly', folders[0] as string)]);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toMatch(/PyTorchTraining: 100\.0 Excellent \(\d+\/\d+ passed\)/);

    const second = await runStepscore(['score', '--nightly', '--level', '1', '--reports-dir', reports]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Compared with the previous run \(\d{4}-.*Z\): no regression\n {2}no changes/);
    expect(second.stdout).toContain(`Compared with the baseline (${join(reports, 'baseline.json')}): no regression`);
    const history = await readHistory(join(reports, 'history.jsonl'));
    expect(history).toHaveLength(2);
    expect(history[1]?.report).toMatch(/^nightly\/\d{4}-/);
    const html = await readFile(join(reports, history[1]?.report as string, 'report.html'), 'utf8');
    expect(html).toContain('overall score over the last 2 runs');
  }, 120_000);

  it('exits 2 on a corrupt history line, naming file and line, before running, and leaves the file alone', async () => {
    const history = join(reports, 'history.jsonl');
    const corrupt = '{"schema":"stepscore.history"\n';
    await writeFile(history, corrupt);
    const run = await runStepscore(['score', '--nightly', '--reports-dir', reports]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${history}, line 1: is not valid JSON`);
    expect(run.stderr).toContain('The file was left as it is: fix or delete line 1');
    expect(run.stdout).toBe('');
    expect(await readFile(history, 'utf8')).toBe(corrupt);
    expect(await readdir(join(reports, 'nightly'))).toEqual([]);
  });

  it('exits 2 on a corrupt baseline, naming the file and field and a command that fixes it; that command does', async () => {
    const baseline = join(reports, 'baseline.json');
    await writeFile(
      baseline,
      JSON.stringify({ schema: 'stepscore.baseline', schemaVersion: 1, tool: '0.1.0', backend: 'mock', levels: [1, 2, 3, 4], builders: 'none' }),
    );
    const before = await readFile(baseline, 'utf8');
    const run = await runStepscore(['score', '--nightly', '--reports-dir', reports]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${baseline}, field builders: Invalid input: expected array, received string`);
    expect(await readFile(baseline, 'utf8')).toBe(before);
    const command = /`pnpm stepscore (baseline update [^`]+)`/.exec(run.stderr)?.[1];
    expect(command).toBe(`baseline update --baseline ${baseline}`);

    const from = join(reports, 'from-run');
    await writeReportFiles(from, reportFiles(fabricatedReport([healthyBuilder()])));
    const update = await runStepscore([...(command as string).split(' '), '--from', from]);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stderr).toContain(`warning: the existing baseline is damaged and will be replaced: ${baseline}, field builders`);
    expect((await loadBaseline(baseline))?.builders.map((b) => b.builder)).toEqual(['HealthyTraining']);
  });

  it('says clearly, on stderr too, that a baseline of another backend was not compared and how to fix it', async () => {
    const baseline = join(reports, 'baseline.json');
    await writeBaseline(baseline, { ...baselineFor(fabricatedReport([healthyBuilder()])), backend: 'moto' });
    const shard = join(reports, 'shards', 'backend', '1');
    await writeReportFiles(shard, reportFiles(fabricatedReport([healthyBuilder()], { shard: { index: 1, count: 1, of: ['HealthyTraining'] } })));
    const run = await runStepscore(['merge', shard, '--nightly', '--reports-dir', reports]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Compared with the baseline (${baseline}): not compared`);
    expect(run.stderr).toContain(`warning: not compared with the baseline (${baseline}): it ran on the moto backend, this run on mock`);
    expect(run.stderr).toContain(
      'Score with --backend moto to compare with it, or write a baseline for this run with `pnpm stepscore baseline update --backend mock',
    );
    await rm(baseline);
  });

  it('exits 1 on a regression against the baseline and the previous run, naming builder, check and score', async () => {
    const of = ['HealthyTraining', 'XTraining'];
    const shardOf = (x: typeof healthyBuilder) => [x('XTraining'), healthyBuilder('HealthyTraining')];
    await writeBaseline(join(reports, 'baseline.json'), baselineFor(fabricatedReport(shardOf(healthyBuilder))));
    const writeShards = async (name: string, make: typeof healthyBuilder) => {
      const folders: string[] = [];
      for (const [i, result] of shardOf(make)
        .sort((a, b) => (a.builder < b.builder ? -1 : 1))
        .entries()) {
        const folder = join(reports, 'shards', name, String(i + 1));
        await writeReportFiles(folder, reportFiles(fabricatedReport([result], { shard: { index: i + 1, count: 2, of } })));
        folders.push(folder);
      }
      return folders;
    };
    const good = await runStepscore(['merge', ...(await writeShards('good', healthyBuilder)), '--nightly', '--reports-dir', reports]);
    expect(good.code, good.stderr).toBe(0);

    const bad = await runStepscore(['merge', ...(await writeShards('bad', brokenBuilder)), '--nightly', '--reports-dir', reports]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/Compared with the previous run \(.*\): REGRESSED/);
    expect(bad.stdout).toContain('REGRESSION score: XTraining 100.0 → 14.3');
    expect(bad.stdout).toContain('REGRESSION rating: XTraining Excellent → Poor');
    expect(bad.stdout).toContain('REGRESSION check: XTraining level3.step_instantiation: pass → fail — Needs what could not be made');
    expect(bad.stdout).toContain('new check: XTraining level2.job_arguments (error)');
    expect(bad.stdout).toContain('removed check: XTraining level1.required_methods (was pass)');
    expect(bad.stderr).toContain(`✗ REGRESSION score: XTraining 100.0 → 14.3 (against the baseline (${join(reports, 'baseline.json')}))`);
    expect(await readHistory(join(reports, 'history.jsonl'))).toHaveLength(2);
    // The baseline only changes when someone updates it.
    expect((await loadBaseline(join(reports, 'baseline.json')))?.builders.find((b) => b.builder === 'XTraining')?.overall).toBe(100);
  });
});

describe('stepscore baseline update', () => {
  it('scores every builder on all levels and writes the same baseline twice on an unchanged tree', async () => {
    const file = join(reports, 'baseline.json');
    const run = await runStepscore(['baseline', 'update', '--baseline', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Baseline written to ${file}`);
    const first = await readFile(file, 'utf8');
    const baseline = JSON.parse(first) as { levels: number[]; builders: { builder: string; checks: Record<string, string> }[] };
    expect(baseline.levels).toEqual([1, 2, 3, 4]);
    expect(baseline.builders.map((b) => b.builder)).toEqual(builderRegistry.names().sort());
    for (const b of baseline.builders) expect(Object.keys(b.checks).length).toBe(profileCheckIds(builderRegistry.get(b.builder).stepType).length);

    const again = await runStepscore(['baseline', 'update', '--baseline', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Compared with the previous baseline');
    expect(again.stdout).toContain('no changes');
    expect(await readFile(file, 'utf8')).toBe(first);
  }, 120_000);

  it('--reports-dir <a folder that does not exist yet> creates it and writes the baseline there', async () => {
    const fresh = join(reports, 'new', 'reports');
    const from = join(reports, 'from-fresh');
    await writeReportFiles(from, reportFiles(fabricatedReport([healthyBuilder()])));
    const run = await runStepscore(['baseline', 'update', '--reports-dir', fresh, '--from', from]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Baseline written to ${join(fresh, 'baseline.json')}`);
    expect((await loadBaseline(join(fresh, 'baseline.json')))?.builders).toHaveLength(1);
  });

  it('refuses to take the baseline from a single shard', async () => {
    const shard = join(reports, 'shard');
    await mkdir(shard, { recursive: true });
    await writeReportFiles(shard, reportFiles(fabricatedReport([healthyBuilder()], { shard: { index: 1, count: 2, of: ['HealthyTraining', 'Other'] } })));
    const run = await runStepscore(['baseline', 'update', '--reports-dir', reports, '--from', shard]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds shard 1/2 only: merge the shards first');
  });
});
