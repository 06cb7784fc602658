import type { CheckStatus, Level, Severity } from '../check/check-definition.js';
import { LEVEL_NAMES } from '../check/check-definition.js';
import { type Rating, ratingFor } from './rating.js';

export const LEVEL_WEIGHTS: Readonly<Record<Level, number>> = { 1: 1.0, 2: 1.5, 3: 2.0, 4: 2.5 };
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** A failing or erroring blocker caps the overall score here: Poor, whatever else passed. */
export const BLOCKER_SCORE_CAP = 59.0;

/** What scoring reads of a check result. */
export interface ScorableCheck {
  readonly id: string;
  readonly level: Level;
  readonly severity: Severity;
  readonly importance: number;
  readonly status: CheckStatus;
}

export interface LevelScore {
  readonly level: Level;
  readonly name: string;
  readonly weight: number;
  /** null when no check of the level ran: the level is then left out of the overall score. */
  readonly score: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  /** pass + fail + error */
  readonly ran: number;
  readonly notApplicable: number;
}

export interface BuilderScore {
  readonly levels: Readonly<Record<Level, LevelScore>>;
  /** null when no check ran at all; at most BLOCKER_SCORE_CAP when a blocker failed or errored. */
  readonly overall: number | null;
  /** The weighted score before the blocker cap. */
  readonly uncappedOverall: number | null;
  /** Ids of the blocker checks that failed or errored, in the order given. */
  readonly blockers: readonly string[];
  readonly rating: Rating | null;
  readonly passed: number;
  readonly ran: number;
  readonly notApplicable: number;
}

function scoreLevel(level: Level, checks: readonly ScorableCheck[]): LevelScore {
  const mine = checks.filter((c) => c.level === level);
  const ran = mine.filter((c) => c.status !== 'not_applicable');
  const passed = ran.filter((c) => c.status === 'pass');
  const importanceRan = ran.reduce((sum, c) => sum + c.importance, 0);
  const importancePassed = passed.reduce((sum, c) => sum + c.importance, 0);
  return {
    level,
    name: LEVEL_NAMES[level],
    weight: LEVEL_WEIGHTS[level],
    // The ratio first: 100 × (x ÷ x) is exactly 100, where (100 × x) ÷ x can land an ulp above or below it.
    score: importanceRan > 0 ? 100 * (importancePassed / importanceRan) : null,
    passed: passed.length,
    failed: ran.filter((c) => c.status === 'fail').length,
    errored: ran.filter((c) => c.status === 'error').length,
    ran: ran.length,
    notApplicable: mine.length - ran.length,
  };
}

/**
 * Level score = 100 × Σ importance of passed ÷ Σ importance of checks that ran (not-applicable left out);
 * overall = Σ level score × weight ÷ Σ weights of the levels that ran, capped at BLOCKER_SCORE_CAP when a blocker
 * failed or errored. Pure: same checks, same score.
 */
export function scoreBuilder(checks: readonly ScorableCheck[]): BuilderScore {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, scoreLevel(l, checks)])) as Record<Level, LevelScore>;
  const scored = LEVELS.map((l) => levels[l]).filter((l): l is LevelScore & { score: number } => l.score !== null);
  const weightSum = scored.reduce((sum, l) => sum + l.weight, 0);
  const uncapped = weightSum > 0 ? Math.min(100, Math.max(0, scored.reduce((sum, l) => sum + l.score * l.weight, 0) / weightSum)) : null;
  const blockers = checks.filter((c) => c.severity === 'blocker' && (c.status === 'fail' || c.status === 'error')).map((c) => c.id);
  const overall = uncapped !== null && blockers.length > 0 ? Math.min(uncapped, BLOCKER_SCORE_CAP) : uncapped;
  const all = LEVELS.map((l) => levels[l]);
  return {
    levels,
    overall,
    uncappedOverall: uncapped,
    blockers,
    rating: overall === null ? null : ratingFor(overall),
    passed: all.reduce((s, l) => s + l.passed, 0),
    ran: all.reduce((s, l) => s + l.ran, 0),
    notApplicable: all.reduce((s, l) => s + l.notApplicable, 0),
  };
}
