import type { RunReport } from '../report/run-report.js';
import { formatScore } from '../reporters/console/table.js';
import { type Rating, ratingRank } from '../scoring/rating.js';

export interface Thresholds {
  readonly minScore?: number;
  readonly minRating?: Rating;
}

/** One sentence per builder under a bar; a builder in which no check ran is under every bar. Pure. */
export function thresholdFailures(report: RunReport, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  for (const b of report.builders) {
    const { overall, rating } = b.score;
    if (thresholds.minScore !== undefined && (overall === null || overall < thresholds.minScore)) {
      failures.push(`${b.builder} scored ${overall === null ? 'nothing (no check ran)' : formatScore(overall)}, below --min-score ${thresholds.minScore}`);
    }
    if (thresholds.minRating !== undefined && (rating === null || ratingRank(rating) > ratingRank(thresholds.minRating))) {
      failures.push(`${b.builder} is rated ${rating ?? 'nothing (no check ran)'}, below --min-rating ${thresholds.minRating}`);
    }
  }
  return failures;
}
