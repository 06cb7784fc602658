import type { RunReport } from '../../report/run-report.js';
import { renderCheckTable } from './check-table.js';
import { renderLevelScoreTable } from './level-score-table.js';
import { renderRootCauses } from './root-cause-list.js';
import { renderSummaryTable } from './summary-table.js';

function describeRun(report: RunReport): string {
  const levels = report.run.levels.map((l) => `L${l}`).join(', ');
  const shard = report.run.shard ? `, shard ${report.run.shard.index}/${report.run.shard.count}` : '';
  return `stepscore ${report.tool.version} — ${report.builders.length} builder${report.builders.length === 1 ? '' : 's'}, levels ${levels}, backend ${report.run.backend}${shard}`;
}

/** Per builder: its level scores, its checks and its root causes; then the summary table. */
export function renderConsoleReport(report: RunReport, options: { color?: boolean } = {}): string {
  const blocks = report.builders.map((b) => {
    const parts = [renderLevelScoreTable(`${b.builder} (${b.stepType}, ${b.framework})`, b.score, options), renderCheckTable(b, options)];
    if (b.rootCauses.length > 0) parts.push(`Root causes:\n${renderRootCauses(b.rootCauses)}`);
    return parts.join('\n');
  });
  return [describeRun(report), ...blocks, `Summary\n${renderSummaryTable(report, options)}`].join('\n\n');
}
