import { rootCauseHeadline } from '../../report/root-cause-groups.js';
import type { BuilderReport, RunReport } from '../../report/run-report.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { rootCauseLabel, STATUS_LABELS } from '../console/check-table.js';
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
    ['Builder', ...LEVELS.map((l) => `L${l}`), 'Overall', 'Rating', 'Passed/Ran', 'Not applicable'],
    report.builders.map((b) => [
      b.builder,
      ...LEVELS.map((l) => formatScore(b.score.levels[l].score)),
      formatScore(b.score.overall),
      b.score.rating ?? 'no checks ran',
      `${b.score.passed}/${b.score.ran}`,
      String(b.score.notApplicable),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
  );
}

function levelTable(b: BuilderReport): string {
  const rows = LEVELS.map((l) => {
    const level = b.score.levels[l];
    return [`L${l} ${level.name} (×${level.weight})`, formatScore(level.score), `${level.passed}/${level.ran}`, String(level.notApplicable)];
  });
  rows.push(['Overall', formatScore(b.score.overall), `${b.score.passed}/${b.score.ran}`, String(b.score.notApplicable)]);
  return markdownTable(['Level', 'Score', 'Passed/Ran', 'Not applicable'], rows, ['l', 'r', 'r', 'r']);
}

function checkTable(b: BuilderReport): string {
  return markdownTable(
    ['Check', 'Level', 'Status', 'Importance', 'Message', 'Root cause'],
    b.checks.map((c) => [`\`${c.id}\``, `L${c.level}`, STATUS_LABELS[c.status], c.importance.toFixed(1), c.message ?? '', rootCauseLabel(c.rootCause)]),
    ['l', 'l', 'l', 'r', 'l', 'l'],
  );
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
  const heading = `### ${b.builder} — ${formatScore(b.score.overall)} ${b.score.rating ?? 'no checks ran'}`;
  return `${heading}\n\n${b.stepType} builder, framework ${b.framework}.\n\n${levelTable(b)}${rootCauseSection(b)}\n\n#### Checks\n\n${checkTable(b)}`;
}

/** report.md: the summary table, then per builder its level scores, root causes and checks. */
export function renderMarkdown(report: RunReport): string {
  const shard = report.run.shard ? ` Shard ${report.run.shard.index}/${report.run.shard.count}.` : '';
  const intro =
    `# stepscore report\n\n` +
    `stepscore ${report.tool.version}, backend \`${report.run.backend}\`, levels ${report.run.levels.map((l) => `L${l}`).join(', ')}.${shard} ` +
    `Started ${report.timing.startedAt}, finished ${report.timing.finishedAt}.`;
  return `${[intro, `## Summary\n\n${summaryTable(report)}`, `## Builders`, ...report.builders.map(builderSection)].join('\n\n')}\n`;
}
