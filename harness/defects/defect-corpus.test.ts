import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/checks/index.js';
import { builderRegistry } from '../test/support/repository-project.js';
import { DEFECT_CORPUS } from './corpus.js';
import { formatCorpusTable } from './format-corpus-table.js';
import { cleanFailures, type DefectOutcome, detectionRate, formatDetectionRate, runCleanBuilders, runDefect } from './run-defect-corpus.js';

const outcomes: DefectOutcome[] = [];

describe('the seeded-defect corpus', () => {
  it('holds at least 25 distinct kinds over all four artefacts, all four levels and both real builders', () => {
    const ids = DEFECT_CORPUS.map((d) => d.id);
    expect(new Set(ids).size, 'defect ids must be unique').toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(DEFECT_CORPUS.map((d) => d.artefact))).toEqual(new Set(['config', 'contract', 'spec', 'builder']));
    expect(new Set(DEFECT_CORPUS.map((d) => d.base))).toEqual(new Set(['PyTorchTraining', 'XGBoostTraining']));
    const levelOf = new Map(ALL_CHECKS.map((c) => [c.id, c.level]));
    for (const defect of DEFECT_CORPUS) expect(levelOf.has(defect.caughtBy), `${defect.id} declares unknown check ${defect.caughtBy}`).toBe(true);
    expect(new Set(DEFECT_CORPUS.map((d) => levelOf.get(d.caughtBy)))).toEqual(new Set([1, 2, 3, 4]));
  });

  it.each(DEFECT_CORPUS.map((d) => [d.id, d] as const))('%s is caught by its declared check', async (_id, defect) => {
    const outcome = await runDefect(defect);
    outcomes.push(outcome);
    const declared = outcome.declared;
    expect(declared?.status, `${defect.caughtBy}: ${declared?.message ?? 'no result'}`).toBe('fail');
    expect(declared?.message).toContain(defect.messageFragment);
    expect(declared?.rootCause?.kind, 'the declared check must fail on its own evidence unless the defect says otherwise').toBe(defect.rootCause);
    // A check that breaks on a defect instead of reporting it is a defect of the harness.
    expect(outcome.errors.map((e) => `${e.id}: ${e.message ?? ''}`)).toEqual([]);
    expect(outcome.caught, outcome.missedBecause).toBe(true);
  });

  it('the clean registered builders fail no check', async () => {
    const results = await runCleanBuilders();
    expect(results.map((r) => r.builder).sort()).toEqual(builderRegistry.names().sort());
    expect(results.every((r) => r.checks.length === ALL_CHECKS.length)).toBe(true);
    expect(cleanFailures(results)).toEqual([]);
  });
});

afterAll(() => {
  if (outcomes.length === 0) return;
  console.log(`${formatCorpusTable(outcomes)}\n${formatDetectionRate(detectionRate(outcomes))}`);
});
