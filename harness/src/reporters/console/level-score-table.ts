import type { BuilderScore } from '../../scoring/score-builder.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { createTable, formatScore } from './table.js';

/** Level, score, passed/ran and not-applicable per level, then the overall score and rating. */
export function renderLevelScoreTable(builder: string, score: BuilderScore, options: { color?: boolean } = {}): string {
  const table = createTable(['Level', 'Score', 'Passed/Ran', 'Not applicable'], { ...options, colAligns: ['left', 'right', 'right', 'right'] });
  for (const level of LEVELS) {
    const l = score.levels[level];
    table.push([`L${level} ${l.name} (×${l.weight.toFixed(1)})`, formatScore(l.score), `${l.passed}/${l.ran}`, String(l.notApplicable)]);
  }
  table.push([`Overall`, formatScore(score.overall), `${score.passed}/${score.ran}`, String(score.notApplicable)]);
  const rating = score.rating ?? 'no checks ran';
  return `${builder}: ${formatScore(score.overall)} ${rating}\n${table.toString()}`;
}
