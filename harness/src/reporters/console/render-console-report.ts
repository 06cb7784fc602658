import { builderVerdict, failingChecks, isFailing, plural, shortMessage, summaryLine } from '../../report/failing-checks.js';
import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { STATUS_LABELS } from './check-labels.js';
import { bold, type ConsoleStyle, DEFAULT_WIDTH, dim, green, red, yellow } from './console-style.js';
import { wrapWithPrefix } from './table.js';

export interface ConsoleReportOptions extends Partial<ConsoleStyle> {
  /** Every check of every builder, not only the failing ones. */
  readonly verbose?: boolean;
}

function builderLine(builder: BuilderReport, style: ConsoleStyle): string[] {
  const ok = failingChecks(builder).length === 0;
  const mark = ok ? green('✓', style.color) : red('✗', style.color);
  const lines = wrapWithPrefix(`${builder.builder}  ${builderVerdict(builder)}`, style.width, '  ', '    ');
  return lines.map((line, i) => (i === 0 ? `${mark} ${line.slice(2)}` : line));
}

function checkLines(check: ReportedCheck, style: ConsoleStyle): string[] {
  const status = STATUS_LABELS[check.status];
  const severity = check.severity === 'blocker' ? 'BLOCKER ' : '';
  const head = `${severity}${status} ${check.id} — ${check.title}${check.servedBy ? ` [backend: ${check.servedBy}]` : ''}`;
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
