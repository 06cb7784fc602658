import type { Level } from '../../check/check-definition.js';
import type { RootCauseGroup } from '../../report/root-cause-groups.js';
import type { BuilderTiming, REPORT_SCHEMA_VERSION, ReportedCheck, RunInfo, RunReport, BuilderReport } from '../../report/run-report.js';
import type { Rating } from '../../scoring/rating.js';
import { LEVELS, type LevelScore } from '../../scoring/score-builder.js';

export const BUILDER_SCHEMA = 'stepscore.builder';

/** builders/<name>.json: one builder's score, levels, every check and the root causes. See report/SCHEMA.md. */
export interface BuilderDocument {
  readonly schema: typeof BUILDER_SCHEMA;
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: RunReport['tool'];
  readonly run: Omit<RunInfo, 'builders'>;
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  readonly score: {
    readonly overall: number | null;
    /** The score before the blocker cap; equal to overall when no blocker failed. */
    readonly uncappedOverall: number | null;
    /** Failing or erroring blocker checks: each caps overall at 59. */
    readonly blockers: readonly string[];
    readonly rating: Rating | null;
    readonly passed: number;
    readonly ran: number;
    readonly notApplicable: number;
  };
  readonly levels: readonly (LevelScore & { readonly level: Level })[];
  readonly checks: readonly ReportedCheck[];
  readonly rootCauses: readonly RootCauseGroup[];
  readonly timing: BuilderTiming;
}

export function builderDocument(report: RunReport, builder: BuilderReport): BuilderDocument {
  const { score } = builder;
  return {
    schema: BUILDER_SCHEMA,
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    run: { backend: report.run.backend, levels: report.run.levels, shard: report.run.shard },
    builder: builder.builder,
    stepType: builder.stepType,
    framework: builder.framework,
    score: {
      overall: score.overall,
      uncappedOverall: score.uncappedOverall,
      blockers: score.blockers,
      rating: score.rating,
      passed: score.passed,
      ran: score.ran,
      notApplicable: score.notApplicable,
    },
    levels: LEVELS.map((l) => score.levels[l]),
    checks: builder.checks,
    rootCauses: builder.rootCauses,
    timing: builder.timing,
  };
}

export function renderBuilderJson(report: RunReport, builder: BuilderReport): string {
  return `${JSON.stringify(builderDocument(report, builder), null, 2)}\n`;
}
