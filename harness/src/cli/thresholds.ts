import type { StepscoreConfig } from '../project-config/stepscore-config.js';
import type { RunReport } from '../report/run-report.js';
import { formatScore } from '../reporters/console/table.js';
import { type Rating, ratingRank } from '../scoring/rating.js';
import { parseMinRating, parseMinScore } from './score-options.js';

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

/** The bars of a run: each one given on the command line, else the stepscore config's. */
export function thresholdsFrom(options: { readonly minScore?: string; readonly minRating?: string }, config: StepscoreConfig): Thresholds {
  const minScore = parseMinScore(options.minScore) ?? config.thresholds?.minScore;
  const minRating = parseMinRating(options.minRating) ?? config.thresholds?.minRating;
  return { ...(minScore !== undefined ? { minScore } : {}), ...(minRating !== undefined ? { minRating } : {}) };
}
