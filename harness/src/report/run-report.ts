import type { CheckStatus, Level, Severity } from '../check/check-definition.js';
import type { BuilderResult, CheckResult, RootCause } from '../check/check-result.js';
import { type BuilderScore, LEVELS, scoreBuilder } from '../scoring/score-builder.js';
import { groupRootCauses, type RootCauseGroup } from './root-cause-groups.js';
import { toJsonValue } from './json-value.js';
import { TOOL_NAME, TOOL_VERSION } from './tool-version.js';

/** Bumped whenever a field of the JSON reports changes meaning or disappears (see SCHEMA.md). */
export const REPORT_SCHEMA_VERSION = 2;

/** Which slice of the builders a sharded run scored: shard `index` of `count` (1-based), out of `of`. */
export interface ShardInfo {
  readonly index: number;
  readonly count: number;
  /** Every builder selected before slicing, sorted: what the merged shards must add up to. */
  readonly of: readonly string[];
}

export interface RunInfo {
  readonly backend: string;
  /** The levels whose checks ran, ascending. */
  readonly levels: readonly Level[];
  /** The builders in this report, sorted. */
  readonly builders: readonly string[];
  /** null for a whole run (or a merged one). */
  readonly shard: ShardInfo | null;
}

/** Wall-clock facts: the only parts of a report that differ between two runs of an unchanged tree. */
export interface RunTiming {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
}

export interface ReportedCheck {
  readonly id: string;
  readonly level: Level;
  readonly title: string;
  readonly severity: Severity;
  readonly importance: number;
  readonly status: CheckStatus;
  readonly message: string | null;
  /** Absent when the check gave none. */
  readonly evidence?: unknown;
  /** Absent unless the check failed because something it needed could not be made. */
  readonly rootCause?: RootCause & { readonly group: number };
  /** Absent unless the check used an Integration backend: which one served it. */
  readonly servedBy?: string;
}

export interface BuilderTiming {
  /** Sum of the check durations. */
  readonly durationMs: number;
  readonly checks: Readonly<Record<string, number>>;
}

export interface BuilderReport {
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  readonly score: BuilderScore;
  /** Sorted by level; declaration order within a level. */
  readonly checks: readonly ReportedCheck[];
  readonly rootCauses: readonly RootCauseGroup[];
  readonly timing: BuilderTiming;
}

/** Everything reporters read: plain data, built once from the runner's results. */
export interface RunReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly run: RunInfo;
  readonly builders: readonly BuilderReport[];
  readonly timing: RunTiming;
}

export interface RunReportInput {
  readonly results: readonly BuilderResult[];
  readonly backend: string;
  readonly levels: readonly Level[];
  readonly shard?: ShardInfo | null;
  readonly timing: RunTiming;
}

export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Scores rounded to 4 decimals: enough for any threshold, and no float noise in the files. */
export function roundScore(score: number | null): number | null {
  return score === null ? null : Math.round(score * 1e4) / 1e4;
}

function roundedScore(score: BuilderScore): BuilderScore {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, { ...score.levels[l], score: roundScore(score.levels[l].score) }]));
  return { ...score, overall: roundScore(score.overall), uncappedOverall: roundScore(score.uncappedOverall), levels: levels as BuilderScore['levels'] };
}

function reportChecks(checks: readonly CheckResult[], groups: readonly RootCauseGroup[]): ReportedCheck[] {
  const sorted = [...checks].sort((a, b) => a.level - b.level);
  return sorted.map((check) => {
    const group = groups.find((g) => g.checks.includes(check.id));
    return {
      id: check.id,
      level: check.level,
      title: check.title,
      severity: check.severity,
      importance: check.importance,
      status: check.status,
      message: check.message ?? null,
      ...(check.evidence !== undefined ? { evidence: toJsonValue(check.evidence) } : {}),
      ...(check.rootCause && group ? { rootCause: { kind: check.rootCause.kind, message: check.rootCause.message, group: group.group } } : {}),
      ...(check.servedBy ? { servedBy: check.servedBy } : {}),
    };
  });
}

export function buildBuilderReport(result: BuilderResult): BuilderReport {
  const rootCauses = groupRootCauses(result.checks);
  const checks = reportChecks(result.checks, rootCauses);
  const durations = Object.fromEntries(checks.map((c) => [c.id, result.checks.find((r) => r.id === c.id)?.durationMs ?? 0]));
  const durationMs = Math.round(Object.values(durations).reduce((sum, ms) => sum + ms, 0) * 1000) / 1000;
  return {
    builder: result.builder,
    stepType: result.stepType,
    framework: result.framework,
    score: roundedScore(scoreBuilder(result.checks)),
    checks,
    rootCauses,
    timing: { durationMs, checks: durations },
  };
}

/** Scores every builder's results and puts them, sorted by builder name, into one report. Pure. */
export function buildRunReport(input: RunReportInput): RunReport {
  const builders = [...input.results].sort((a, b) => byName(a.builder, b.builder)).map(buildBuilderReport);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    run: {
      backend: input.backend,
      levels: [...new Set(input.levels)].sort((a, b) => a - b),
      builders: builders.map((b) => b.builder),
      shard: input.shard ?? null,
    },
    builders,
    timing: input.timing,
  };
}
