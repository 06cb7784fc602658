import type { BuilderReport } from '../../report/run-report.js';
import { RATINGS } from '../../scoring/rating.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { formatScore } from '../console/table.js';
import { escapeHtml } from './html-escape.js';
import { colourForScore, NOT_RUN_COLOUR, RATING_COLOURS, RATING_THRESHOLDS } from './rating-colours.js';

const WIDTH = 540;
// The right margin holds the overall score's label, level with its line.
const PLOT = { left: 44, right: 436, top: 44, bottom: 244 };
const SLOT = (PLOT.right - PLOT.left) / LEVELS.length;
const BAR_WIDTH = 60;
const LEGEND_Y = 300;
const LEGEND_COLUMN = 170;
const HEIGHT = 342;

const y = (score: number): number => PLOT.bottom - ((PLOT.bottom - PLOT.top) * score) / 100;
const svgId = (builder: string): string => `chart-${builder.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function grid(): string {
  return [0, 20, 40, 60, 80, 100]
    .map((tick) => {
      const ty = y(tick);
      return `<line x1="${PLOT.left}" y1="${ty}" x2="${PLOT.right}" y2="${ty}" class="grid"/><text x="${PLOT.left - 6}" y="${ty + 4}" class="tick" text-anchor="end">${tick}</text>`;
    })
    .join('');
}

function bars(builder: BuilderReport): string {
  return LEVELS.map((l, i) => {
    const level = builder.score.levels[l];
    const cx = PLOT.left + SLOT * (i + 0.5);
    const x = cx - BAR_WIDTH / 2;
    const label =
      `<text x="${cx}" y="${PLOT.bottom + 16}" class="axis" text-anchor="middle">L${l} (×${level.weight.toFixed(1)})</text>` +
      `<text x="${cx}" y="${PLOT.bottom + 30}" class="axis" text-anchor="middle">${escapeHtml(level.name)}</text>`;
    if (level.score === null) {
      return (
        `<rect x="${x}" y="${PLOT.bottom - 4}" width="${BAR_WIDTH}" height="4" fill="${NOT_RUN_COLOUR}" class="bar" data-level="${l}"><title>L${l} ${escapeHtml(level.name)}: no check ran</title></rect>` +
        `<text x="${cx}" y="${PLOT.bottom - 10}" class="value" text-anchor="middle">not run</text>${label}`
      );
    }
    const top = y(level.score);
    return (
      `<rect x="${x}" y="${top}" width="${BAR_WIDTH}" height="${PLOT.bottom - top}" fill="${colourForScore(level.score)}" class="bar" data-level="${l}">` +
      `<title>L${l} ${escapeHtml(level.name)}: ${formatScore(level.score)} (${level.passed}/${level.ran} passed, weight ×${level.weight})</title></rect>` +
      `<text x="${cx}" y="${top - 6}" class="value" text-anchor="middle">${formatScore(level.score)}</text>${label}`
    );
  }).join('');
}

function overallLine(builder: BuilderReport): string {
  const { overall, rating } = builder.score;
  if (overall === null) return '';
  const ly = y(overall);
  return (
    `<line x1="${PLOT.left}" y1="${ly}" x2="${PLOT.right}" y2="${ly}" class="overall"><title>Overall ${formatScore(overall)} (${rating})</title></line>` +
    `<text x="${PLOT.right + 8}" y="${ly - 2}" class="overall-label">Overall ${formatScore(overall)}</text>` +
    `<text x="${PLOT.right + 8}" y="${ly + 13}" class="overall-label">(${escapeHtml(rating ?? '')})</text>`
  );
}

/** Three columns: the five ratings' colours, then the overall line. */
function legend(): string {
  const at = (i: number) => ({ x: 14 + (i % 3) * LEGEND_COLUMN, y: LEGEND_Y + Math.floor(i / 3) * 20 });
  const items = RATINGS.map((rating, i) => {
    const { x, y: ty } = at(i);
    return `<rect x="${x}" y="${ty - 10}" width="12" height="12" fill="${RATING_COLOURS[rating]}"/><text x="${x + 18}" y="${ty}" class="legend">${escapeHtml(`${rating} ${RATING_THRESHOLDS[rating]}`)}</text>`;
  });
  const { x, y: ly } = at(RATINGS.length);
  items.push(
    `<line x1="${x}" y1="${ly - 4}" x2="${x + 24}" y2="${ly - 4}" class="overall"/><text x="${x + 30}" y="${ly}" class="legend">overall (weighted)</text>`,
  );
  return `<g class="chart-legend">${items.join('')}</g>`;
}

/** Bars for L1–L4 coloured by rating, a line at the overall score, a legend: one inline SVG per builder. */
export function renderLevelChart(builder: BuilderReport): string {
  const id = svgId(builder.builder);
  const title = `${builder.builder}: level scores and overall score`;
  return (
    `<svg class="level-chart" data-builder="${escapeHtml(builder.builder)}" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>` +
    `<text x="${PLOT.left}" y="16" class="chart-title">Score by level (%)</text>` +
    grid() +
    bars(builder) +
    overallLine(builder) +
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" class="axis-line"/>` +
    legend() +
    `</svg>`
  );
}
