import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckStatus, Level, Severity } from '../../src/check/check-definition.js';
import { ratingRank } from '../../src/scoring/rating.js';
import { type BuilderScore, LEVELS, type ScorableCheck, scoreBuilder } from '../../src/scoring/score-builder.js';

const RUNS = 2000;

const check: fc.Arbitrary<ScorableCheck> = fc.record({
  id: fc.constantFrom('level1.a', 'level2.b', 'level3.c', 'level4.d'),
  severity: fc.constantFrom<Severity>('blocker', 'major', 'minor'),
  level: fc.constantFrom<Level>(1, 2, 3, 4),
  // Real importances (1.0, 1.2, 1.3, ...) and arbitrary positive ones.
  importance: fc.oneof(fc.constantFrom(1, 1.1, 1.2, 1.3, 1.4, 1.5), fc.double({ min: 0.01, max: 10, noNaN: true })),
  status: fc.constantFrom<CheckStatus>('pass', 'fail', 'error', 'not_applicable'),
});

/** A run's checks and a non-empty set of the failed ones to turn into passes. */
const runWithFixes = fc
  .array(check, { minLength: 1, maxLength: 40 })
  .filter((checks) => checks.some((c) => c.status === 'fail'))
  .chain((checks) => {
    const failed = checks.flatMap((c, i) => (c.status === 'fail' ? [i] : []));
    return fc.subarray(failed, { minLength: 1 }).map((fixed) => ({ checks, fixed: new Set(fixed) }));
  });

function expectNoScoreLower(before: BuilderScore, after: BuilderScore): void {
  for (const level of LEVELS) {
    const [was, is] = [before.levels[level].score, after.levels[level].score];
    // Fixing a check does not change which levels ran.
    expect(is === null).toBe(was === null);
    if (was !== null && is !== null) expect(is).toBeGreaterThanOrEqual(was);
  }
  expect(after.overall === null).toBe(before.overall === null);
  if (before.overall !== null && after.overall !== null) expect(after.overall).toBeGreaterThanOrEqual(before.overall);
  if (before.rating !== null && after.rating !== null) expect(ratingRank(after.rating)).toBeLessThanOrEqual(ratingRank(before.rating));
}

describe('scoring, for arbitrary check results', () => {
  it('turning failed checks into passes never lowers a level score, the overall score or the rating', () => {
    fc.assert(
      fc.property(runWithFixes, ({ checks, fixed }) => {
        const after = checks.map((c, i) => (fixed.has(i) ? { ...c, status: 'pass' as const } : c));
        expectNoScoreLower(scoreBuilder(checks), scoreBuilder(after));
      }),
      { numRuns: RUNS },
    );
  });

  it('turning a failed check into a pass raises its own level score', () => {
    fc.assert(
      fc.property(runWithFixes, ({ checks, fixed }) => {
        const [index] = [...fixed];
        const level = checks[index!]!.level;
        const after = checks.map((c, i) => (i === index ? { ...c, status: 'pass' as const } : c));
        expect(scoreBuilder(after).levels[level].score!).toBeGreaterThan(scoreBuilder(checks).levels[level].score!);
      }),
      { numRuns: RUNS },
    );
  });

  it('a level whose every check passed scores exactly 100, whatever the importances', () => {
    // Found by the property below: 100 × 0.0204… ÷ 0.0204… was 100.00000000000001 before the ratio was taken first.
    expect(scoreBuilder([{ id: 'level1.a', severity: 'major', level: 1, importance: 0.020408540496009906, status: 'pass' }]).levels[1].score).toBe(100);
    fc.assert(
      fc.property(
        fc.array(
          check.map((c) => ({ ...c, status: 'pass' as const })),
          { minLength: 1, maxLength: 40 },
        ),
        (checks) => {
          const score = scoreBuilder(checks);
          for (const level of LEVELS) if (score.levels[level].ran > 0) expect(score.levels[level].score).toBe(100);
          expect(score.overall).toBe(100);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('scores stay within [0, 100] and do not depend on the order of the checks', () => {
    fc.assert(
      fc.property(
        fc
          .array(check, { maxLength: 40 })
          .chain((checks) => fc.shuffledSubarray(checks, { minLength: checks.length }).map((shuffled) => ({ checks, shuffled }))),
        ({ checks, shuffled }) => {
          const score = scoreBuilder(checks);
          for (const level of LEVELS) {
            const s = score.levels[level].score;
            if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
          }
          if (score.overall !== null) expect(score.overall >= 0 && score.overall <= 100).toBe(true);
          const reordered = scoreBuilder(shuffled);
          expect(reordered.rating).toBe(score.rating);
          for (const level of LEVELS) expect(reordered.levels[level].ran).toBe(score.levels[level].ran);
          if (score.overall !== null) expect(reordered.overall).toBeCloseTo(score.overall, 9);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
