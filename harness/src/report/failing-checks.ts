// What every report says first: which checks fail, blockers first, and a one-line verdict per builder and run.
import { formatScore } from '../reporters/console/table.js';
import type { BuilderReport, ReportedCheck, RunReport } from './run-report.js';

const SEVERITY_RANK = { blocker: 0, major: 1, minor: 2 } as const;
const FAILING = new Set(['fail', 'error']);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function isFailing(check: ReportedCheck): boolean {
  return FAILING.has(check.status);
}

/** Failing and erroring checks, blockers first, then by severity and level. */
export function failingChecks(builder: BuilderReport): ReportedCheck[] {
  return builder.checks.filter(isFailing).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.level - b.level);
}

/** "59.0 Poor · blocker: level3.x · failed 3/6 (1 error), 1 n/a" — what one builder line says after the name. */
export function builderVerdict(builder: BuilderReport): string {
  const { score } = builder;
  const failed = builder.checks.filter((c) => c.status === 'fail').length;
  const errored = builder.checks.filter((c) => c.status === 'error').length;
  const rating = score.rating === null ? 'no checks ran' : `${formatScore(score.overall)} ${score.rating}`;
  const capped =
    score.blockers.length > 0 && score.uncappedOverall !== null && score.uncappedOverall !== score.overall
      ? ` (${formatScore(score.uncappedOverall)} before the blocker cap)`
      : '';
  const blockers =
    score.blockers.length > 0
      ? `${score.blockers.length === 1 ? 'blocker' : `${score.blockers.length} blockers`}: ${score.blockers.join(', ')}`
      : 'no blockers';
  const problems =
    failed + errored === 0
      ? `passed ${score.passed}/${score.ran}`
      : `failed ${failed + errored}/${score.ran}${errored > 0 ? ` (${plural(errored, 'error')})` : ''}`;
  const notApplicable = score.notApplicable > 0 ? `, ${score.notApplicable} n/a` : '';
  return `${rating}${capped} · ${blockers} · ${problems}${notApplicable}`;
}

/** The message with the root cause's own text replaced by its number: the cause is printed once, below. */
export function shortMessage(check: ReportedCheck): string {
  const message = check.message ?? '(no message)';
  if (!check.rootCause) return message;
  const label = `root cause #${check.rootCause.group}`;
  return message.includes(check.rootCause.message) ? message.replace(check.rootCause.message, label) : `${message} (${label})`;
}

/** "Summary: 2 builders (1 Excellent, 1 Poor); blockers in BrokenTraining; 4 of 13 checks failed or errored" */
export function summaryLine(report: RunReport): string {
  const ratings = new Map<string, number>();
  for (const b of report.builders) ratings.set(b.score.rating ?? 'no checks ran', (ratings.get(b.score.rating ?? 'no checks ran') ?? 0) + 1);
  const byRating = [...ratings].map(([rating, n]) => `${n} ${rating}`).join(', ');
  const blocked = report.builders.filter((b) => b.score.blockers.length > 0).map((b) => b.builder);
  const ran = report.builders.reduce((n, b) => n + b.score.ran, 0);
  const failing = report.builders.reduce((n, b) => n + b.checks.filter(isFailing).length, 0);
  const blockers = blocked.length > 0 ? `blockers in ${blocked.join(', ')}` : 'no blockers';
  const checks = failing > 0 ? `${failing} of ${ran} checks failed or errored` : `all ${ran} checks that ran passed`;
  return `Summary: ${plural(report.builders.length, 'builder')} (${byRating || 'none'}); ${blockers}; ${checks}`;
}
