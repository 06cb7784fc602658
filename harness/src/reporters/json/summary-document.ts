import type { Level } from '../../check/check-definition.js';
import type { Rating } from '../../scoring/rating.js';
import { LEVELS } from '../../scoring/score-builder.js';
import type { BuilderReport, REPORT_SCHEMA_VERSION, RunInfo, RunReport, RunTiming } from '../../report/run-report.js';

export const SUMMARY_SCHEMA = 'stepscore.summary';

export interface BuilderSummary {
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  /** Relative to the summary: the builder's own JSON. */
  readonly file: string;
  readonly overall: number | null;
  readonly rating: Rating | null;
  /** Failing or erroring blocker checks. */
  readonly blockers: readonly string[];
  /** Level score by level number; null for a level in which no check ran. */
  readonly levels: Readonly<Record<`${Level}`, number | null>>;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly ran: number;
  readonly notApplicable: number;
  readonly rootCauses: number;
}

/** summary.json: one line per builder, and the run it came from. Field by field in report/SCHEMA.md. */
export interface SummaryDocument {
  readonly schema: typeof SUMMARY_SCHEMA;
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: RunReport['tool'];
  readonly run: RunInfo;
  readonly builders: readonly BuilderSummary[];
  readonly totals: {
    readonly builders: number;
    readonly passed: number;
    readonly failed: number;
    readonly errored: number;
    readonly ran: number;
    readonly notApplicable: number;
  };
  readonly timing: RunTiming;
}

export function builderFileName(builder: string): string {
  return `builders/${builder.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
}

function countStatus(builder: BuilderReport, status: 'fail' | 'error'): number {
  return builder.checks.filter((c) => c.status === status).length;
}

export function summarizeBuilder(builder: BuilderReport): BuilderSummary {
  return {
    builder: builder.builder,
    stepType: builder.stepType,
    framework: builder.framework,
    file: builderFileName(builder.builder),
    overall: builder.score.overall,
    rating: builder.score.rating,
    blockers: builder.score.blockers,
    levels: Object.fromEntries(LEVELS.map((l) => [String(l), builder.score.levels[l].score])) as BuilderSummary['levels'],
    passed: builder.score.passed,
    failed: countStatus(builder, 'fail'),
    errored: countStatus(builder, 'error'),
    ran: builder.score.ran,
    notApplicable: builder.score.notApplicable,
    rootCauses: builder.rootCauses.length,
  };
}

export function summaryDocument(report: RunReport): SummaryDocument {
  const builders = report.builders.map(summarizeBuilder);
  const sum = (field: 'passed' | 'failed' | 'errored' | 'ran' | 'notApplicable') => builders.reduce((s, b) => s + b[field], 0);
  return {
    schema: SUMMARY_SCHEMA,
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    run: report.run,
    builders,
    totals: {
      builders: builders.length,
      passed: sum('passed'),
      failed: sum('failed'),
      errored: sum('errored'),
      ran: sum('ran'),
      notApplicable: sum('notApplicable'),
    },
    timing: report.timing,
  };
}

export function renderSummaryJson(report: RunReport): string {
  return `${JSON.stringify(summaryDocument(report), null, 2)}\n`;
}
