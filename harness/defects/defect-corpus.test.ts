// The seeded-defect corpus: a regression suite, not proof. Each defect must be caught by the check it declares, at
// that check's severity, and a blocker must rate its builder Poor; a known miss must stay missed until a check learns
// to see it (then its marker goes). The detection rate per class is printed, whatever it is.
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/checks/index.js';
import { builderRegistry } from './registration-variants.js';
import { BLOCKER_SCORE_CAP } from '../src/scoring/score-builder.js';
import { DEFECT_CORPUS } from './corpus.js';
import { applicableClasses, classApplies } from './applicable-classes.js';
import { BUILD_3_CLASSES, DEFECT_CLASSES } from './defect.js';
import { formatCorpusTable, formatKnownMisses } from './format-corpus-table.js';
import {
  cleanFailures,
  type DefectOutcome,
  formatDetectionRates,
  formatDetectionRatesByStepType,
  runCleanBuilders,
  runDefect,
  stepTypeOfBase,
} from './run-defect-corpus.js';

const outcomes: DefectOutcome[] = [];
const SEED_DEFECT = 'contract.output-missing-from-spec';
const SEED_MESSAGE = `Spec-Contract alignment errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"]`;
/** What issue 11 names: a Processing builder emitting InstanceCount 0, an unknown instance type or a malformed S3 URI. */
const PROCESSING_MUST_RATE_POOR = ['config.processing-instance-count-zero', 'config.processing-instance-type-unknown', 'builder.script-uri-path-joined'];

describe('the seeded-defect corpus', () => {
  it('holds at least 3 realistic defects of each class of issue 10, over all four artefacts, all four levels and every registered builder', () => {
    const ids = DEFECT_CORPUS.map((d) => d.id);
    expect(new Set(ids).size, 'defect ids must be unique').toBe(ids.length);
    for (const defectClass of BUILD_3_CLASSES) {
      expect(DEFECT_CORPUS.filter((d) => d.defectClass === defectClass).length, DEFECT_CLASSES[defectClass]).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(DEFECT_CORPUS.map((d) => d.artefact))).toEqual(new Set(['config', 'contract', 'spec', 'builder']));
    expect(new Set(DEFECT_CORPUS.map((d) => d.base))).toEqual(new Set(builderRegistry.names()));
    const checks = new Map(ALL_CHECKS.map((c) => [c.id, c]));
    for (const defect of DEFECT_CORPUS) {
      const check = checks.get(defect.caughtBy);
      expect(check, `${defect.id} declares unknown check ${defect.caughtBy}`).toBeDefined();
      expect(check?.severity, `${defect.id}: ${defect.caughtBy}'s severity`).toBe(defect.severity);
    }
    expect(new Set(DEFECT_CORPUS.filter((d) => !d.knownMiss).map((d) => checks.get(d.caughtBy)?.level))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('holds, for each step type among the registered builders, a defect of every class that applies to it, none marked a known miss (the tests below require each caught), and none of a class that does not apply', () => {
    const stepTypes = [...new Set(builderRegistry.all().map((r) => r.stepType))];
    expect(stepTypes.sort()).toEqual(['CreateModel', 'Processing', 'Training', 'Transform']);
    const uncovered: string[] = [];
    for (const stepType of stepTypes) {
      const mine = DEFECT_CORPUS.filter((d) => stepTypeOfBase(d) === stepType);
      for (const defectClass of applicableClasses(stepType)) {
        if (!mine.some((d) => d.defectClass === defectClass && !d.knownMiss)) uncovered.push(`${stepType}: ${DEFECT_CLASSES[defectClass]}`);
      }
      const inapplicable = mine.filter((d) => !classApplies(stepType, d.defectClass)).map((d) => `${d.id} (${stepType})`);
      expect(inapplicable, 'defects of a class that does not apply to their step type').toEqual([]);
    }
    expect(uncovered, 'classes that apply but have no defect expected caught').toEqual([]);
  });

  it.each(PROCESSING_MUST_RATE_POOR)('the Processing defect %s fails a blocker and rates the builder Poor', async (id) => {
    const defect = DEFECT_CORPUS.find((d) => d.id === id);
    if (!defect) throw new Error(`${id} is missing from the corpus`);
    expect(stepTypeOfBase(defect)).toBe('Processing');
    const outcome = await runDefect(defect);
    expect(outcome.caught, outcome.missedBecause).toBe(true);
    expect(outcome.declared?.severity).toBe('blocker');
    expect(outcome.score.rating).toBe('Poor');
  });

  it.each(DEFECT_CORPUS.map((d) => [d.id, d] as const))('%s', async (_id, defect) => {
    const outcome = await runDefect(defect);
    outcomes.push(outcome);
    const declared = outcome.declared;
    // A check that breaks on a defect instead of reporting it is a defect of the harness.
    expect(outcome.errors.map((e) => `${e.id}: ${e.message ?? ''}`)).toEqual([]);
    if (defect.knownMiss) {
      expect(outcome.caught, `${defect.id} is now caught by ${defect.caughtBy}: remove its knownMiss marker`).toBe(false);
      return;
    }
    expect(declared?.status, `${defect.caughtBy}: ${declared?.message ?? 'no result'}`).toBe('fail');
    expect(declared?.severity).toBe(defect.severity);
    expect(declared?.message).toContain(defect.messageFragment);
    expect(declared?.rootCause?.kind, 'the declared check must fail on its own evidence unless the defect says otherwise').toBe(defect.rootCause);
    expect(outcome.caught, outcome.missedBecause).toBe(true);
    if (defect.severity === 'blocker') {
      expect(outcome.score.blockers).toContain(defect.caughtBy);
      expect(outcome.score.overall, 'a failing blocker caps the score').toBeLessThanOrEqual(BLOCKER_SCORE_CAP);
      expect(outcome.score.rating).toBe('Poor');
    }
  });

  it("the seed's defect (checkpoints in the PyTorch contract only) fails level2.contract_alignment with the seed's message and rates the builder Poor", async () => {
    const seed = DEFECT_CORPUS.find((d) => d.id === SEED_DEFECT);
    if (!seed) throw new Error(`${SEED_DEFECT} is missing from the corpus`);
    const outcome = await runDefect(seed);
    expect(outcome.declared?.status).toBe('fail');
    expect(outcome.declared?.message).toContain(SEED_MESSAGE);
    expect(outcome.score.rating).toBe('Poor');
  });

  it('the clean registered builders fail no check', async () => {
    const results = await runCleanBuilders();
    expect(results.map((r) => r.builder).sort()).toEqual(builderRegistry.names().sort());
    expect(cleanFailures(results)).toEqual([]);
  });
});

afterAll(() => {
  if (outcomes.length === 0) return;
  console.log(
    `${formatCorpusTable(outcomes)}\n${formatDetectionRates(outcomes)}\n\nper step type:\n${formatDetectionRatesByStepType(outcomes)}\n${formatKnownMisses(outcomes)}`,
  );
});
