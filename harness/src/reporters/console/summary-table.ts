import type { RunReport } from '../../report/run-report.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { createTable, formatScore } from './table.js';

/** One row per builder: L1–L4, overall, rating, passed/ran and not applicable. */
export function renderSummaryTable(report: RunReport, options: { color?: boolean } = {}): string {
  const table = createTable(['Builder', ...LEVELS.map((l) => `L${l}`), 'Overall', 'Rating', 'Passed/Ran', 'Not applicable'], {
    ...options,
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
  });
  for (const b of report.builders) {
    table.push([
      b.builder,
      ...LEVELS.map((l) => formatScore(b.score.levels[l].score)),
      formatScore(b.score.overall),
      b.score.rating ?? 'no checks ran',
      `${b.score.passed}/${b.score.ran}`,
      String(b.score.notApplicable),
    ]);
  }
  return table.toString();
}
