import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { bold, type ConsoleStyle, DEFAULT_WIDTH, dim, green, red, yellow } from './console-style.js';
import { formatScore, wrapText } from './table.js';

export interface ConsoleReportOptions extends Partial<ConsoleStyle> {
  /** Every check of every builder, not only the failing ones. */
  readonly verbose?: boolean;
}

const SEVERITY_RANK = { blocker: 0, major: 1, minor: 2 } as const;
const FAILING = new Set(['fail', 'error']);
const STATUS_WORD = { pass: 'pass', fail: 'FAIL', error: 'ERROR', not_applicable: 'n/a' } as const;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `text` wrapped to `width`, its first line after `first` and the others after `rest` (both counted in the width). */
export function wrapWithPrefix(text: string, width: number, first: string, rest = ' '.repeat(first.length)): string[] {
  const lines = wrapText(text, Math.max(10, width - Math.max(first.length, rest.length))).split('\n');
  return lines.map((line, i) => `${i === 0 ? first : rest}${line}`);
}

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
  const capped = score.blockers.length > 0 && score.uncappedOverall !== null && score.uncappedOverall !== score.overall ? ` (${formatScore(score.uncappedOverall)} before the blocker cap)` : '';
  const blockers = score.blockers.length > 0 ? `${score.blockers.length === 1 ? 'blocker' : `${score.blockers.length} blockers`}: ${score.blockers.join(', ')}` : 'no blockers';
  const problems = failed + errored === 0 ? `passed ${score.passed}/${score.ran}` : `failed ${failed + errored}/${score.ran}${errored > 0 ? ` (${plural(errored, 'error')})` : ''}`;
  const notApplicable = score.notApplicable > 0 ? `, ${score.notApplicable} n/a` : '';
  return `${rating}${capped} · ${blockers} · ${problems}${notApplicable}`;
}

function builderLine(builder: BuilderReport, style: ConsoleStyle): string[] {
  const ok = failingChecks(builder).length === 0;
  const mark = ok ? green('✓', style.color) : red('✗', style.color);
  const lines = wrapWithPrefix(`${builder.builder}  ${builderVerdict(builder)}`, style.width, '  ', '    ');
  return lines.map((line, i) => (i === 0 ? `${mark} ${line.slice(2)}` : line));
}

/** The message with the root cause's own text replaced by its number: the cause is printed once, below. */
export function shortMessage(check: ReportedCheck): string {
  const message = check.message ?? '(no message)';
  if (!check.rootCause) return message;
  const label = `root cause #${check.rootCause.group}`;
  return message.includes(check.rootCause.message) ? message.replace(check.rootCause.message, label) : `${message} (${label})`;
}

function checkLines(check: ReportedCheck, style: ConsoleStyle): string[] {
  const status = STATUS_WORD[check.status];
  const severity = check.severity === 'blocker' ? 'BLOCKER ' : '';
  const head = `${severity}${status} ${check.id} — ${check.title}`;
  const painted = isFailing(check) ? (check.severity === 'blocker' ? red : yellow) : check.status === 'pass' ? green : dim;
  const headLines = wrapWithPrefix(head, style.width, '  ', '      ').map((l, i) => (i === 0 ? `  ${painted(l.slice(2), style.color)}` : l));
  if (check.status === 'pass') return headLines;
  const text = check.status === 'not_applicable' ? `not applicable: ${check.message ?? ''}` : shortMessage(check);
  return [...headLines, ...wrapWithPrefix(text, style.width, '      ')];
}

function rootCauseLines(builder: BuilderReport, style: ConsoleStyle): string[] {
  return builder.rootCauses.flatMap((g) => [
    ...wrapWithPrefix(`root cause #${g.group} (${g.kind}, ${plural(g.checks.length, 'check')}): ${g.message}`, style.width, '  ', '      '),
    ...wrapWithPrefix(`Fix: ${g.hint}`, style.width, '      '),
  ]);
}

function builderBlock(builder: BuilderReport, style: ConsoleStyle, verbose: boolean): string[] {
  const checks = verbose ? [...failingChecks(builder), ...builder.checks.filter((c) => !isFailing(c))] : failingChecks(builder);
  const details = [...checks.flatMap((c) => checkLines(c, style)), ...rootCauseLines(builder, style)];
  // A blank line after a builder with details keeps the next builder's line easy to find.
  return [...builderLine(builder, style), ...details, ...(details.length > 0 ? [''] : [])];
}

function describeRun(report: RunReport): string {
  const levels = report.run.levels.map((l) => `L${l}`).join(', ');
  const shard = report.run.shard ? `, shard ${report.run.shard.index}/${report.run.shard.count}` : '';
  return `stepscore ${report.tool.version} — ${plural(report.builders.length, 'builder')}, levels ${levels}, backend ${report.run.backend}${shard}`;
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

/**
 * The console report: a line per builder (score, rating, blockers, failed/ran), each failing check under it
 * (blockers first) with its message and root cause, then a summary line; with `verbose`, every check.
 * Every line fits `width`.
 */
export function renderConsoleReport(report: RunReport, options: ConsoleReportOptions = {}): string {
  const style: ConsoleStyle = { width: options.width ?? DEFAULT_WIDTH, color: options.color ?? false };
  const blocks = report.builders.flatMap((b) => builderBlock(b, style, options.verbose ?? false));
  const lines = [
    ...wrapWithPrefix(describeRun(report), style.width, ''),
    '',
    ...blocks,
    ...(blocks.at(-1) === '' ? [] : ['']),
    ...wrapWithPrefix(summaryLine(report), style.width, '', '  ').map((l, i) => (i === 0 ? bold(l, style.color) : l)),
  ];
  return lines.join('\n');
}
