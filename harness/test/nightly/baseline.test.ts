import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineFor, loadBaseline, renderBaseline, writeBaseline } from '../../src/nightly/baseline.js';
import { InputFileError } from '../../src/report/input-file-error.js';
import { fabricatedReport, FIXED_TIMING } from '../report/fabricated-results.js';

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'stepscore-baseline-'));
  path = join(folder, 'baseline.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('baseline', () => {
  const baseline = baselineFor(fabricatedReport());

  it('holds per builder its scores, rating and check statuses, and no timestamp', () => {
    expect(baseline).toMatchObject({ schema: 'stepscore.baseline', schemaVersion: 1, backend: 'mock', levels: [1, 2, 3, 4] });
    expect(baseline.builders.map((b) => [b.builder, b.overall, b.rating])).toEqual([
      ['BrokenTraining', 14.2857, 'Poor'],
      ['HealthyTraining', 100, 'Excellent'],
    ]);
    expect(renderBaseline(baseline)).not.toContain('2025-');
    const later = baselineFor(fabricatedReport(undefined, { timing: { ...FIXED_TIMING, startedAt: '2030-01-01T00:00:00.000Z' } }));
    expect(renderBaseline(later)).toBe(renderBaseline(baseline));
  });

  it('is written and loaded back', async () => {
    await writeBaseline(path, baseline);
    expect(await loadBaseline(path)).toEqual(baseline);
  });

  it('is undefined when there is none', async () => {
    expect(await loadBaseline(path)).toBeUndefined();
  });

  it('names the line and column of broken JSON and says how to recover', async () => {
    await writeFile(path, '{\n  "schema": "stepscore.baseline",\n  "schemaVersion": 1,,\n}');
    const error = (await loadBaseline(path).catch((e: unknown) => e)) as InputFileError;
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.location).toBe('line 3, column 22');
    expect(error.message).toContain('git checkout');
    expect(error.message).toContain('pnpm stepscore baseline update');
  });

  it('names the field that is wrong', async () => {
    const text = renderBaseline(baseline).replace('"rating": "Poor"', '"rating": "Terrible"');
    await writeFile(path, text);
    await expect(loadBaseline(path)).rejects.toThrow(/baseline\.json, field builders\[0\]\.rating: Invalid option/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
