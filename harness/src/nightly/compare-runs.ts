import type { CheckStatus } from '../check/check-definition.js';
import { byName } from '../report/run-report.js';
import { type Rating, ratingRank } from '../scoring/rating.js';
import { type BuilderSnapshot, incomparability, type RunSnapshot } from './run-snapshot.js';

export interface ScoreChange {
  readonly builder: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface RatingChange {
  readonly builder: string;
  readonly before: Rating | null;
  readonly after: Rating | null;
}

export interface CheckChange {
  readonly builder: string;
  readonly check: string;
  readonly before: CheckStatus | null;
  readonly after: CheckStatus | null;
  /** Why it fails now, when known. */
  readonly message?: string;
}

export interface BlockerChange {
  readonly builder: string;
  readonly check: string;
  /** The check's status in the earlier run, null when it had no such check. */
  readonly before: CheckStatus | null;
}

/**
 * What changed from one run (or the baseline) to this one. Regressions: score and rating drops, a check going
 * from pass or not applicable to fail or error, and a new blocker (a failing blocker check that was not one before).
 */
export interface Comparison {
  /** `previous run (2025-08-16T00:23:05.000Z)` or `baseline (reports/baseline.json)` */
  readonly against: string;
  /** Set when the two runs cannot be compared; every list is then empty. */
  readonly notComparable?: string;
  readonly scoreDrops: readonly ScoreChange[];
  readonly ratingDrops: readonly RatingChange[];
  /** pass or not applicable → fail or error */
  readonly passToFail: readonly CheckChange[];
  readonly newBlockers: readonly BlockerChange[];
  readonly newChecks: readonly CheckChange[];
  readonly removedChecks: readonly CheckChange[];
  readonly newBuilders: readonly string[];
  readonly removedBuilders: readonly string[];
  readonly scoreRises: readonly ScoreChange[];
  readonly nowPassing: readonly CheckChange[];
  readonly regressed: boolean;
}

/** null (no check ran) is worse than any rating. */
const rank = (rating: Rating | null): number => (rating === null ? Number.POSITIVE_INFINITY : ratingRank(rating));
const lower = (after: number | null, before: number | null): boolean => before !== null && (after === null || after < before);

export type FailureMessages = (builder: string, check: string) => string | undefined;

/** A comparison that lists nothing; with a reason when the runs could not be compared. */
export function emptyComparison(against: string, notComparable?: string): Comparison {
  return {
    against,
    ...(notComparable ? { notComparable } : {}),
    scoreDrops: [],
    ratingDrops: [],
    passToFail: [],
    newBlockers: [],
    newChecks: [],
    removedChecks: [],
    newBuilders: [],
    removedBuilders: [],
    scoreRises: [],
    nowPassing: [],
    regressed: false,
  };
}

/** Compares builder by builder and check by check; builders only one side has are listed, not compared. Pure. */
export function compareRuns(before: RunSnapshot, after: RunSnapshot, against: string, messages: FailureMessages = () => undefined): Comparison {
  const reason = incomparability(before, after);
  if (reason) return emptyComparison(against, reason);
  const previous = new Map(before.builders.map((b) => [b.builder, b]));
  const current = new Map(after.builders.map((b) => [b.builder, b]));
  const result = {
    ...emptyComparison(against),
    scoreDrops: [] as ScoreChange[],
    ratingDrops: [] as RatingChange[],
    passToFail: [] as CheckChange[],
    newBlockers: [] as BlockerChange[],
    newChecks: [] as CheckChange[],
    removedChecks: [] as CheckChange[],
    scoreRises: [] as ScoreChange[],
    nowPassing: [] as CheckChange[],
    newBuilders: [...current.keys()].filter((b) => !previous.has(b)).sort(byName),
    removedBuilders: [...previous.keys()].filter((b) => !current.has(b)).sort(byName),
  };
  for (const name of [...current.keys()].sort(byName)) {
    const was = previous.get(name);
    const now = current.get(name) as BuilderSnapshot;
    if (!was) continue;
    if (lower(now.overall, was.overall)) result.scoreDrops.push({ builder: name, before: was.overall, after: now.overall });
    if (lower(was.overall, now.overall)) result.scoreRises.push({ builder: name, before: was.overall, after: now.overall });
    if (rank(now.rating) > rank(was.rating)) result.ratingDrops.push({ builder: name, before: was.rating, after: now.rating });
    for (const [check, status] of Object.entries(now.checks)) {
      const old = was.checks[check];
      if (old === undefined) result.newChecks.push({ builder: name, check, before: null, after: status });
      else if ((old === 'pass' || old === 'not_applicable') && (status === 'fail' || status === 'error')) {
        const message = messages(name, check);
        result.passToFail.push({ builder: name, check, before: old, after: status, ...(message ? { message } : {}) });
      } else if (old !== 'pass' && old !== 'not_applicable' && status === 'pass') result.nowPassing.push({ builder: name, check, before: old, after: status });
    }
    for (const check of now.blockers ?? []) {
      const old = was.checks[check];
      // A snapshot from before blockers were recorded: a check that already failed then is no new blocker.
      const wasBlocker = was.blockers ? was.blockers.includes(check) : old === 'fail' || old === 'error';
      if (!wasBlocker) result.newBlockers.push({ builder: name, check, before: old ?? null });
    }
    for (const [check, status] of Object.entries(was.checks)) {
      if (!(check in now.checks)) result.removedChecks.push({ builder: name, check, before: status, after: null });
    }
  }
  return { ...result, regressed: result.scoreDrops.length + result.ratingDrops.length + result.passToFail.length + result.newBlockers.length > 0 };
}
