import { z } from 'zod';
import type { CheckStatus, Level } from '../check/check-definition.js';
import { levelSchema, ratingSchema } from '../report/report-schema.js';
import type { RunReport } from '../report/run-report.js';
import type { Rating } from '../scoring/rating.js';
import { LEVELS } from '../scoring/score-builder.js';

/** What a later run is compared with: per builder its scores, rating and each check's status. */
export interface BuilderSnapshot {
  readonly builder: string;
  readonly overall: number | null;
  readonly rating: Rating | null;
  readonly levels: Readonly<Record<`${Level}`, number | null>>;
  readonly checks: Readonly<Record<string, CheckStatus>>;
  /** Ids of the blocker checks that failed or errored; absent in snapshots written before blockers existed. */
  readonly blockers?: readonly string[];
}

export interface RunSnapshot {
  readonly backend: string;
  readonly levels: readonly Level[];
  readonly builders: readonly BuilderSnapshot[];
}

const score = z.number().min(0).max(100).nullable();

export const builderSnapshotSchema = z.object({
  builder: z.string().min(1),
  overall: score,
  rating: ratingSchema.nullable(),
  levels: z.object({ 1: score, 2: score, 3: score, 4: score }),
  checks: z.record(
    z.string().regex(/^level[1-4]\.[a-z0-9_]+$/, 'must be a check id like level2.contract_alignment'),
    z.enum(['pass', 'fail', 'not_applicable', 'error']),
  ),
  blockers: z.array(z.string()).optional(),
});

export const runSnapshotFields = {
  backend: z.string().min(1),
  levels: z.array(levelSchema).min(1),
  builders: z.array(builderSnapshotSchema),
};

export function snapshotOf(report: RunReport): RunSnapshot {
  return {
    backend: report.run.backend,
    levels: report.run.levels,
    builders: report.builders.map((b) => ({
      builder: b.builder,
      overall: b.score.overall,
      rating: b.score.rating,
      levels: Object.fromEntries(LEVELS.map((l) => [String(l), b.score.levels[l].score])) as BuilderSnapshot['levels'],
      checks: Object.fromEntries(b.checks.map((c) => [c.id, c.status])),
      blockers: b.score.blockers,
    })),
  };
}

/** Two snapshots can be compared only when they scored the same levels on the same backend. */
export function incomparability(before: RunSnapshot, after: RunSnapshot): string | undefined {
  if (before.backend !== after.backend)
    return `it ran on the ${before.backend} backend, this run on ${after.backend}: scores of different backends are not compared`;
  if (JSON.stringify(before.levels) !== JSON.stringify(after.levels)) {
    const show = (levels: readonly Level[]) => levels.map((l) => `L${l}`).join(', ');
    return `it scored levels ${show(before.levels)}, this run ${show(after.levels)}`;
  }
  return undefined;
}
