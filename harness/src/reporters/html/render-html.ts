import { rootCauseHeadline } from '../../report/root-cause-groups.js';
import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { RATINGS } from '../../scoring/rating.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { rootCauseLabel, STATUS_LABELS } from '../console/check-table.js';
import { formatScore } from '../console/table.js';
import { type HistoryPoint, renderHistoryChart } from './history-chart-svg.js';
import { escapeHtml } from './html-escape.js';
import { renderLevelChart } from './level-chart-svg.js';
import { colourForScore, RATING_COLOURS, RATING_THRESHOLDS } from './rating-colours.js';

export interface HtmlReportOptions {
  /** Per builder, its overall score in the last runs (oldest first, this run last): drawn as a line chart. */
  readonly history?: Readonly<Record<string, readonly HistoryPoint[]>>;
}

// Nothing is fetched: the policy forbids every load except the inline styles and images of the page itself.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-alt: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.message { word-break: break-word; }
table.check-table td:first-child { width: 28%; }
table.check-table td.message { width: 48%; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.rating { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; white-space: nowrap; text-shadow: 0 0 2px rgba(0,0,0,.45); }
.status { font-weight: 600; white-space: nowrap; }
.status-pass { color: #1a7f37; } .status-fail, .status-error { color: #d1242f; } .status-not_applicable { color: var(--muted); }
tr.row-fail, tr.row-error { background: #fff5f5; }
tr.row-not_applicable { color: var(--muted); }
.scale { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; color: var(--muted); }
.scale span.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.root-causes { border-left: 4px solid #d1242f; background: #fff5f5; padding: 6px 12px; margin: 8px 0; }
.root-causes p { margin: 4px 0; }
details pre { white-space: pre-wrap; word-break: break-word; background: var(--bg-alt); padding: 6px; margin: 4px 0 0; max-height: 240px; overflow: auto; }
svg text { font-family: system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
svg .tick, svg .legend { font-size: 11px; fill: var(--muted); }
svg .axis { font-size: 12px; }
svg .value { font-size: 12px; font-weight: 600; }
svg .chart-title { font-size: 13px; font-weight: 600; }
svg .grid { stroke: #d8dee4; stroke-dasharray: 3 3; }
svg .axis-line { stroke: #57606a; }
svg .overall { stroke: #0b3d91; stroke-width: 2.5; stroke-dasharray: 8 4; }
svg .overall-label { font-size: 12px; font-weight: 700; fill: #0b3d91; }
svg .history-line { fill: none; stroke: #0b3d91; stroke-width: 2; }
`;

function ratingBadge(score: number | null, rating: string | null, withScore = true): string {
  const text = rating === null ? 'no checks ran' : withScore ? `${formatScore(score)} ${rating}` : rating;
  return `<span class="rating" style="background:${colourForScore(score)}">${escapeHtml(text)}</span>`;
}

const anchor = (builder: string): string => `builder-${builder.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function summaryTable(report: RunReport): string {
  const head = `<tr><th>Builder</th>${LEVELS.map((l) => `<th class="num">L${l}</th>`).join('')}<th class="num">Overall</th><th>Rating</th><th class="num">Passed/Ran</th><th class="num">Not applicable</th></tr>`;
  const rows = report.builders.map((b) => {
    const levels = LEVELS.map((l) => {
      const score = b.score.levels[l].score;
      return `<td class="num" style="box-shadow: inset 4px 0 ${colourForScore(score)}">${formatScore(score)}</td>`;
    }).join('');
    return (
      `<tr data-builder="${escapeHtml(b.builder)}"><td><a href="#${anchor(b.builder)}">${escapeHtml(b.builder)}</a></td>${levels}` +
      `<td class="num"><strong>${formatScore(b.score.overall)}</strong></td><td>${ratingBadge(b.score.overall, b.score.rating, false)}</td>` +
      `<td class="num">${b.score.passed}/${b.score.ran}</td><td class="num">${b.score.notApplicable}</td></tr>`
    );
  });
  return `<table class="summary-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function ratingScale(): string {
  const items = RATINGS.map((r) => `<span><span class="swatch" style="background:${RATING_COLOURS[r]}"></span>${escapeHtml(`${r} ${RATING_THRESHOLDS[r]}`)}</span>`);
  return `<div class="scale" aria-label="rating scale">${items.join('')}</div>`;
}

function evidence(check: ReportedCheck): string {
  if (check.evidence === undefined || check.status === 'pass' || check.status === 'not_applicable') return '';
  return `<details><summary>evidence</summary><pre>${escapeHtml(JSON.stringify(check.evidence, null, 2))}</pre></details>`;
}

function checkTable(b: BuilderReport): string {
  const head = '<tr><th>Check</th><th>Level</th><th>Status</th><th class="num">Importance</th><th>Message</th><th>Root cause</th></tr>';
  const rows = b.checks.map(
    (c) =>
      `<tr class="row-${c.status}" data-check="${escapeHtml(c.id)}"><td><code>${escapeHtml(c.id)}</code><br><small>${escapeHtml(c.title)}</small></td>` +
      `<td>L${c.level}</td><td class="status status-${c.status}">${STATUS_LABELS[c.status]}</td><td class="num">${c.importance.toFixed(1)}</td>` +
      `<td class="message">${escapeHtml(c.message ?? '')}${evidence(c)}</td><td>${escapeHtml(rootCauseLabel(c.rootCause))}</td></tr>`,
  );
  return `<table class="check-table" data-builder="${escapeHtml(b.builder)}"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function rootCauses(b: BuilderReport): string {
  if (b.rootCauses.length === 0) return '';
  const items = b.rootCauses.map(
    (g) =>
      `<p><strong>#${g.group} ${escapeHtml(g.kind)}: ${escapeHtml(rootCauseHeadline(g))}</strong> — ${escapeHtml(g.message)}</p>` +
      `<p>Fix: ${escapeHtml(g.hint)}</p><p>Checks: ${g.checks.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}</p>`,
  );
  return `<div class="root-causes"><h3>Root causes</h3>${items.join('')}</div>`;
}

function builderSection(b: BuilderReport, history: readonly HistoryPoint[] | undefined): string {
  const historyChart = history && history.length > 0 ? renderHistoryChart(b.builder, history) : '';
  return (
    `<section class="builder" id="${anchor(b.builder)}" data-builder="${escapeHtml(b.builder)}">` +
    `<h2>${escapeHtml(b.builder)} ${ratingBadge(b.score.overall, b.score.rating)}</h2>` +
    `<p class="meta">${escapeHtml(b.stepType)} builder, framework ${escapeHtml(b.framework)}; ${b.score.passed}/${b.score.ran} checks passed, ${b.score.notApplicable} not applicable.</p>` +
    `<div class="charts">${renderLevelChart(b)}${historyChart}</div>` +
    rootCauses(b) +
    `<h3>Checks</h3>${checkTable(b)}</section>`
  );
}

/** report.html: one self-contained page (inline CSS and SVG, nothing fetched): summary, then per builder charts and checks. */
export function renderHtml(report: RunReport, options: HtmlReportOptions = {}): string {
  const levels = report.run.levels.map((l) => `L${l}`).join(', ');
  const shard = report.run.shard ? `, shard ${report.run.shard.index}/${report.run.shard.count}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stepscore report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>stepscore report</h1>
<p class="meta">stepscore ${escapeHtml(report.tool.version)} · backend ${escapeHtml(report.run.backend)} · levels ${levels}${shard} · ${report.builders.length} builder${report.builders.length === 1 ? '' : 's'} · started ${escapeHtml(report.timing.startedAt)}, finished ${escapeHtml(report.timing.finishedAt)}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
${summaryTable(report)}
${ratingScale()}
</section>
${report.builders.map((b) => builderSection(b, options.history?.[b.builder])).join('\n')}
</main>
</body>
</html>
`;
}
