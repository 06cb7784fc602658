import { describe, expect, it } from 'vitest';
import type { CheckStatus, Level } from '../../src/check/check-definition.js';
import { ratingFor } from '../../src/scoring/rating.js';
import { type ScorableCheck, scoreBuilder } from '../../src/scoring/score-builder.js';

const check = (level: Level, status: CheckStatus, importance = 1): ScorableCheck => ({
  id: `level${level}.check`,
  level,
  severity: 'major',
  status,
  importance,
});
const many = (n: number, level: Level, status: CheckStatus): ScorableCheck[] => Array.from({ length: n }, () => check(level, status));

/**
 * The reference's scored tests for a Training builder (cursus.md §9), with its importances; the three
 * other step types' creation tests do not apply to a Training builder and are marked so here.
 */
function referenceTrainingRun(l3Failing: boolean, inheritanceFails = false): ScorableCheck[] {
  const l3 = (importance: number): ScorableCheck => check(3, l3Failing ? 'fail' : 'pass', importance);
  return [
    check(1, inheritanceFails ? 'fail' : 'pass', 1.0), // inheritance
    check(1, 'pass', 1.2), // required_methods
    check(1, 'pass', 1.0), // error_handling
    check(2, 'pass', 1.2), // specification_usage
    check(2, 'pass', 1.3), // contract_alignment
    check(2, 'pass'), // environment_variable_handling
    check(2, 'pass'), // job_arguments
    l3(1.4), // step_instantiation
    l3(1.5), // step_configuration_validity
    l3(1.3), // step_dependencies_attachment
    l3(1.2), // step_name_generation
    l3(1.4), // training_step_creation
    check(3, 'not_applicable', 1.4), // processing_step_creation
    check(3, 'not_applicable', 1.4), // transform_step_creation
    check(3, 'not_applicable', 1.4), // create_model_step_creation
    check(4, 'pass', 1.4), // dependency_resolution
    check(4, 'pass', 1.5), // step_creation
    check(4, 'pass'), // step_name
    check(4, 'pass'), // registry_integration (misfiled in L4 by the reference)
  ];
}

describe('scoreBuilder', () => {
  it('scores a level as importance-weighted passes over the checks that ran', () => {
    const score = scoreBuilder([check(1, 'pass', 1.2), check(1, 'fail', 1.0), check(1, 'error', 0.8)]);
    expect(score.levels[1].score).toBeCloseTo((100 * 1.2) / 3.0, 10);
    expect(score.levels[1]).toMatchObject({ passed: 1, failed: 1, errored: 1, ran: 3, notApplicable: 0 });
  });

  it('leaves not-applicable checks out of both sums', () => {
    const withNa = scoreBuilder([check(3, 'pass', 1.4), check(3, 'fail', 1.5), check(3, 'not_applicable', 9)]);
    const withoutNa = scoreBuilder([check(3, 'pass', 1.4), check(3, 'fail', 1.5)]);
    expect(withNa.levels[3].score).toBe(withoutNa.levels[3].score);
    expect(withNa.levels[3].notApplicable).toBe(1);
    expect(withNa.notApplicable).toBe(1);
  });

  it('leaves a level in which nothing ran out of the overall score', () => {
    const score = scoreBuilder([check(1, 'pass'), check(2, 'fail'), check(3, 'not_applicable')]);
    expect(score.levels[3].score).toBeNull();
    expect(score.levels[4].score).toBeNull();
    // (100 × 1.0 + 0 × 1.5) ÷ (1.0 + 1.5)
    expect(score.overall).toBeCloseTo(40, 10);
  });

  it('weights the levels 1.0, 1.5, 2.0, 2.5', () => {
    const score = scoreBuilder([check(1, 'fail'), check(2, 'fail'), check(3, 'fail'), check(4, 'pass')]);
    expect(score.overall).toBeCloseTo((100 * 2.5) / 7, 10);
  });

  it('gives no score and no rating when nothing ran', () => {
    const score = scoreBuilder([check(2, 'not_applicable')]);
    expect(score.overall).toBeNull();
    expect(score.rating).toBeNull();
  });

  it('is a pure function of the results', () => {
    const checks = [...many(3, 1, 'pass'), check(2, 'fail', 1.3), ...many(2, 4, 'pass')];
    expect(scoreBuilder(checks)).toEqual(scoreBuilder(structuredClone(checks)));
  });

  it('counts passed and ran over all levels', () => {
    const score = scoreBuilder([...many(2, 1, 'pass'), check(3, 'error'), check(4, 'not_applicable')]);
    expect(score).toMatchObject({ passed: 2, ran: 3, notApplicable: 1 });
  });
});

describe('the reference worked cases (cursus.md §9.6) recomputed under these rules', () => {
  it('a Training builder that cannot create a step is no longer "Good": 71.43 Satisfactory, not 82.34', () => {
    const score = scoreBuilder(referenceTrainingRun(true));
    expect(score.levels[3].score).toBe(0); // the reference gave 38.18 by counting three not-applicable tests as passes
    expect(score.overall).toBeCloseTo(500 / 7, 10);
    expect(score.overall!.toFixed(2)).toBe('71.43');
    expect(score.rating).toBe('Satisfactory');
  });

  it('the same builder with every check passing scores 100 Excellent', () => {
    const score = scoreBuilder(referenceTrainingRun(false));
    expect(score.overall).toBe(100);
    expect(score.rating).toBe('Excellent');
  });

  it('the older run that also failed inheritance: L1 68.75, overall 66.96 Needs Work (was 77.87)', () => {
    const score = scoreBuilder(referenceTrainingRun(true, true));
    expect(score.levels[1].score).toBeCloseTo(68.75, 10);
    expect(score.overall!.toFixed(2)).toBe('66.96');
    expect(score.rating).toBe('Needs Work');
  });

  it('XGBoostModelEval: an auto-passed Processing creation test stays a pass only if it really passed (85.97 → 77.31 with N/A out, 71.43 when it fails)', () => {
    const base = (processingCreation: CheckStatus): ScorableCheck[] => [
      ...referenceTrainingRun(true).filter((c) => c.level !== 3),
      check(3, 'fail', 1.4),
      check(3, 'fail', 1.5),
      check(3, 'fail', 1.3),
      check(3, 'fail', 1.2),
      check(3, processingCreation, 1.4),
      check(3, 'not_applicable', 1.4),
      check(3, 'not_applicable', 1.4),
      check(3, 'not_applicable', 1.4),
    ];
    expect(scoreBuilder(base('pass')).levels[3].score!.toFixed(2)).toBe('20.59');
    expect(scoreBuilder(base('pass')).overall!.toFixed(2)).toBe('77.31');
    expect(scoreBuilder(base('fail')).overall!.toFixed(2)).toBe('71.43');
  });
});

describe('ratingFor', () => {
  it.each([
    [100, 'Excellent'],
    [90, 'Excellent'],
    [89.999, 'Good'],
    [80, 'Good'],
    [79.99, 'Satisfactory'],
    [70, 'Satisfactory'],
    [69.99, 'Needs Work'],
    [60, 'Needs Work'],
    [59.99, 'Poor'],
    [0, 'Poor'],
  ] as const)('%d is %s', (score, rating) => {
    expect(ratingFor(score)).toBe(rating);
  });
});

describe('blockers', () => {
  const blocker = (status: CheckStatus): ScorableCheck => ({ id: 'level3.request_meets_service_model', level: 3, severity: 'blocker', status, importance: 1 });
  const passing = [...many(30, 1, 'pass'), ...many(30, 2, 'pass'), ...many(30, 3, 'pass'), ...many(30, 4, 'pass')];

  it('a failing blocker caps an otherwise Excellent builder at 59.0 (Poor) and keeps the uncapped figure', () => {
    const score = scoreBuilder([...passing, blocker('fail')]);
    expect(score.uncappedOverall).toBeGreaterThan(99);
    expect(score.overall).toBe(59);
    expect(score.rating).toBe('Poor');
    expect(score.blockers).toEqual(['level3.request_meets_service_model']);
  });

  it('an erroring blocker caps the score too; a passing or not-applicable one does not', () => {
    expect(scoreBuilder([...passing, blocker('error')]).overall).toBe(59);
    expect(scoreBuilder([...passing, blocker('pass')]).overall).toBe(100);
    expect(scoreBuilder([...passing, blocker('not_applicable')]).blockers).toEqual([]);
  });

  it('a failing major or minor check never caps', () => {
    const major: ScorableCheck = { id: 'level3.output_location', level: 3, severity: 'major', status: 'fail', importance: 1 };
    const score = scoreBuilder([...passing, major]);
    expect(score.overall).toBe(score.uncappedOverall);
    expect(score.blockers).toEqual([]);
  });

  it('a score already below the cap stays as it is', () => {
    const score = scoreBuilder([blocker('fail'), check(1, 'fail')]);
    expect(score.overall).toBe(0);
    expect(score.uncappedOverall).toBe(0);
  });
});
