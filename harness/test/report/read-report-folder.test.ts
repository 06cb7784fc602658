import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/report/input-file-error.js';
import { readReportFolder } from '../../src/report/read-report-folder.js';
import { reportFiles } from '../../src/report/report-files.js';
import { buildRunReport } from '../../src/report/run-report.js';
import { writeReportFiles } from '../../src/report/write-report-files.js';
import { fabricatedReport, FIXED_TIMING, healthyBuilder } from './fabricated-results.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'stepscore-read-'));
  await writeReportFiles(folder, reportFiles(fabricatedReport()));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function edit(file: string, change: (json: Record<string, unknown>) => void): Promise<void> {
  const path = join(folder, file);
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  change(json);
  await writeFile(path, JSON.stringify(json));
}

async function failure(): Promise<InputFileError> {
  const error = await readReportFolder(folder).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

describe('readReportFolder', () => {
  it('reads back the results a report was made from', async () => {
    const read = await readReportFolder(folder);
    const again = buildRunReport({ results: read.results, backend: read.summary.run.backend, levels: read.summary.run.levels, timing: FIXED_TIMING });
    expect(again).toEqual(fabricatedReport());
  });

  it('names the file when summary.json is missing or not JSON', async () => {
    await rm(join(folder, 'summary.json'));
    expect((await failure()).message).toMatch(/summary\.json: not found\. Write the folder again with `stepscore score --out <folder>`/);
    await writeFile(join(folder, 'summary.json'), '{"schema": "stepscore.summary",');
    expect((await failure()).message).toMatch(/summary\.json: is not valid JSON/);
  });

  it('names the field that is wrong and what it should be', async () => {
    await edit('builders/BrokenTraining.json', (json) => {
      (json.checks as Record<string, unknown>[])[2] = { ...(json.checks as Record<string, unknown>[])[2], status: 'passed' };
    });
    const error = await failure();
    expect(error.file).toBe(join(folder, 'builders', 'BrokenTraining.json'));
    expect(error.location).toBe('field checks[2].status');
    expect(error.message).toMatch(/BrokenTraining\.json, field checks\[2\]\.status: Invalid option: expected one of "pass"\|"fail"\|"not_applicable"\|"error"/);
  });

  it('refuses a file of another schema version', async () => {
    await edit('summary.json', (json) => {
      json.schemaVersion = 99;
    });
    expect((await failure()).message).toMatch(/summary\.json, field schemaVersion: Invalid input: expected 2/);
  });

  it('refuses a builder file from another run or for another builder', async () => {
    await edit('builders/HealthyTraining.json', (json) => {
      json.builder = 'SomethingElse';
    });
    expect((await failure()).message).toMatch(
      /HealthyTraining\.json, field builder: is SomethingElse, but .*summary\.json builders\[1\] says this file is HealthyTraining/,
    );
    await writeReportFiles(folder, reportFiles(fabricatedReport()));
    await edit('builders/HealthyTraining.json', (json) => {
      (json.run as Record<string, unknown>).backend = 'moto';
    });
    expect((await failure()).message).toMatch(/field run: does not match the run in/);
  });

  it('reads only the builder files the summary lists, and a rewrite removes stale ones', async () => {
    await writeReportFiles(folder, reportFiles(fabricatedReport([healthyBuilder()])));
    const read = await readReportFolder(folder);
    expect(read.results.map((r) => r.builder)).toEqual(['HealthyTraining']);
    await expect(readFile(join(folder, 'builders', 'BrokenTraining.json'))).rejects.toThrow(/ENOENT/);
  });
});
