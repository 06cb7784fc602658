import { rootCauseHeadline } from '../../report/root-cause-groups.js';
import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { rootCauseLabel, STATUS_LABELS } from '../console/check-labels.js';
import { builderVerdict, failingChecks, shortMessage, summaryLine } from '../../report/failing-checks.js';
import { formatScore } from '../console/table.js';

/** A table cell: pipes escaped, line breaks kept as <br>. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function summaryTable(report: RunReport): string {
  return markdownTable(
    ['Builder', 'Blockers', ...LEVELS.map((l) => `L${l}`), 'Overall', 'Rating', 'Passed/Ran', 'Not applicable'],
    report.builders.map((b) => [
      b.builder,
      b.score.blockers.length > 0 ? b.score.blockers.map((id) => `\`${id}\``).join(', ') : 'none',
      ...LEVELS.map((l) => formatScore(b.score.levels[l].score)),
      formatScore(b.score.overall),
      b.score.rating ?? 'no checks ran',
      `${b.score.passed}/${b.score.ran}`,
      String(b.score.notApplicable),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
  );
}

/** Every failing check of the run, blockers first, each linking to its builder's section. */
function problemList(report: RunReport): string {
  const failing = report.builders.flatMap((b) => failingChecks(b).map((c) => ({ builder: b.builder, check: c })));
  if (failing.length === 0) return 'Every check that ran passed.';
  const item = ({ builder, check }: (typeof failing)[number]) =>
    `- ${check.severity === 'blocker' ? '**BLOCKER** ' : ''}${STATUS_LABELS[check.status]} [${builder}](#${headingSlug(builder)}) \`${check.id}\` — ${markdownCell(check.rootCause ? shortMessage(check) : (check.message ?? ''))}`;
  const blockers = failing.filter((f) => f.check.severity === 'blocker');
  const others = failing.filter((f) => f.check.severity !== 'blocker');
  return [
    ...(blockers.length > 0 ? [`### Blockers (${blockers.length})\n\n${blockers.map(item).join('\n')}`] : []),
    ...(others.length > 0 ? [`### ${blockers.length > 0 ? 'Other failures' : 'Failures'} (${others.length})\n\n${others.map(item).join('\n')}`] : []),
  ].join('\n\n');
}

function levelTable(b: BuilderReport): string {
  const rows = LEVELS.map((l) => {
    const level = b.score.levels[l];
    return [`L${l} ${level.name} (×${level.weight})`, formatScore(level.score), `${level.passed}/${level.ran}`, String(level.notApplicable)];
  });
  rows.push(['Overall', formatScore(b.score.overall), `${b.score.passed}/${b.score.ran}`, String(b.score.notApplicable)]);
  return markdownTable(['Level', 'Score', 'Passed/Ran', 'Not applicable'], rows, ['l', 'r', 'r', 'r']);
}

function checkTable(checks: readonly ReportedCheck[]): string {
  return markdownTable(
    ['Check', 'Level', 'Status', 'Severity', 'Message', 'Root cause', 'Backend'],
    checks.map((c) => [
      `\`${c.id}\``,
      `L${c.level}`,
      STATUS_LABELS[c.status],
      c.severity,
      c.rootCause ? shortMessage(c) : (c.message ?? ''),
      rootCauseLabel(c.rootCause),
      c.servedBy ?? '',
    ]),
    ['l', 'l', 'l', 'l', 'l', 'l', 'l'],
  );
}

/** Failing checks as a table, blockers first; passing and not-applicable ones folded in <details> with their counts. */
function checkSections(b: BuilderReport): string {
  const failing = failingChecks(b);
  const folded = (label: string, checks: readonly ReportedCheck[]) =>
    checks.length === 0 ? '' : `\n\n<details><summary>${label} (${checks.length})</summary>\n\n${checkTable(checks)}\n\n</details>`;
  const open = failing.length > 0 ? `#### Failing checks (${failing.length})\n\n${checkTable(failing)}` : 'No check failed.';
  return `${open}${folded(
    'Passed',
    b.checks.filter((c) => c.status === 'pass'),
  )}${folded(
    'Not applicable',
    b.checks.filter((c) => c.status === 'not_applicable'),
  )}`;
}

function rootCauseSection(b: BuilderReport): string {
  if (b.rootCauses.length === 0) return '';
  const items = b.rootCauses.map(
    (g) =>
      `- **#${g.group} ${g.kind}: ${rootCauseHeadline(g)}** — ${markdownCell(g.message)}\n  - Fix: ${g.hint}\n  - Checks: ${g.checks.map((id) => `\`${id}\``).join(', ')}`,
  );
  return `\n\n#### Root causes\n\n${items.join('\n')}`;
}

function builderSection(b: BuilderReport): string {
  const heading = `### ${b.builder}`;
  return `${heading}\n\n**${builderVerdict(b)}** — ${b.stepType} builder, framework ${b.framework}.${rootCauseSection(b)}\n\n${checkSections(b)}\n\n${levelTable(b)}`;
}

/** The anchor GitHub gives the heading `### <builder>`: lower case, spaces to dashes, punctuation dropped. */
function headingSlug(builder: string): string {
  return builder
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** report.md: the verdict and every failure (blockers first), the summary table, then per builder its failing checks first. */
export function renderMarkdown(report: RunReport): string {
  const shard = report.run.shard ? ` Shard ${report.run.shard.index}/${report.run.shard.count}.` : '';
  const intro =
    `# stepscore report\n\n` +
    `stepscore ${report.tool.version}, backend \`${report.run.backend}\`, levels ${report.run.levels.map((l) => `L${l}`).join(', ')}.${shard} ` +
    `Started ${report.timing.startedAt}, finished ${report.timing.finishedAt}.`;
  return `${[intro, `## ${summaryLine(report)}`, problemList(report), `## Scores\n\n${summaryTable(report)}`, `## Builders`, ...report.builders.map(builderSection)].join('\n\n')}\n`;
}
