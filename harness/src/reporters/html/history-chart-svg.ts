import type { Rating } from '../../scoring/rating.js';
import { formatScore } from '../console/table.js';
import { escapeHtml } from './html-escape.js';
import { colourForRating } from './rating-colours.js';

/** One past (or the current) run of a builder, oldest first. */
export interface HistoryPoint {
  readonly startedAt: string;
  readonly overall: number | null;
  readonly rating: Rating | null;
}

const WIDTH = 520;
const HEIGHT = 170;
const PLOT = { left: 44, right: 500, top: 24, bottom: 134 };

const y = (score: number): number => PLOT.bottom - ((PLOT.bottom - PLOT.top) * score) / 100;
const day = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** The builder's overall score over the last runs: a line, and a point per run coloured by its rating. */
export function renderHistoryChart(builder: string, points: readonly HistoryPoint[]): string {
  const step = points.length > 1 ? (PLOT.right - PLOT.left) / (points.length - 1) : 0;
  const x = (i: number): number => (points.length > 1 ? PLOT.left + step * i : (PLOT.left + PLOT.right) / 2);
  const scored = points.map((p, i) => ({ ...p, i })).filter((p): p is typeof p & { overall: number } => p.overall !== null);
  const grid = [0, 50, 100]
    .map(
      (t) =>
        `<line x1="${PLOT.left}" y1="${y(t)}" x2="${PLOT.right}" y2="${y(t)}" class="grid"/><text x="${PLOT.left - 6}" y="${y(t) + 4}" class="tick" text-anchor="end">${t}</text>`,
    )
    .join('');
  const line = scored.length > 1 ? `<polyline class="history-line" points="${scored.map((p) => `${x(p.i)},${y(p.overall)}`).join(' ')}"/>` : '';
  const dots = scored
    .map(
      (p) =>
        `<circle cx="${x(p.i)}" cy="${y(p.overall)}" r="4" fill="${colourForRating(p.rating)}" class="history-point"><title>${escapeHtml(day(p.startedAt))}: ${formatScore(p.overall)} (${escapeHtml(p.rating ?? '')})</title></circle>`,
    )
    .join('');
  const first = points[0];
  const last = points.at(-1);
  const labels =
    first && last
      ? `<text x="${PLOT.left}" y="${PLOT.bottom + 18}" class="axis">${escapeHtml(day(first.startedAt))}</text>` +
        (points.length > 1 ? `<text x="${PLOT.right}" y="${PLOT.bottom + 18}" class="axis" text-anchor="end">${escapeHtml(day(last.startedAt))}</text>` : '')
      : '';
  const title = `${builder}: overall score over the last ${points.length} run${points.length === 1 ? '' : 's'}`;
  return (
    `<svg class="history-chart" data-builder="${escapeHtml(builder)}" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<text x="${PLOT.left}" y="14" class="chart-title">Overall score, last ${points.length} run${points.length === 1 ? '' : 's'} (UTC)</text>` +
    grid +
    line +
    dots +
    labels +
    `</svg>`
  );
}
