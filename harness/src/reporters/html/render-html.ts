import { rootCauseHeadline } from '../../report/root-cause-groups.js';
import type { BuilderReport, ReportedCheck, RunReport } from '../../report/run-report.js';
import { RATINGS } from '../../scoring/rating.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { STATUS_LABELS } from '../console/check-labels.js';
import { builderVerdict, failingChecks, isFailing, shortMessage, summaryLine } from '../../report/failing-checks.js';
import { formatScore } from '../console/table.js';
import { type HistoryPoint, renderHistoryChart } from './history-chart-svg.js';
import { escapeHtml } from './html-escape.js';
import { renderLevelChart } from './level-chart-svg.js';
import { colourForScore, RATING_COLOURS, RATING_THRESHOLDS, textColourForScore } from './rating-colours.js';

export interface HtmlReportOptions {
  /** Per builder, its overall score in the last runs (oldest first, this run last): drawn as a line chart. */
  readonly history?: Readonly<Record<string, readonly HistoryPoint[]>>;
}

// Nothing is fetched: the policy forbids every load except the inline styles and images of the page itself.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Colours meet WCAG AA (4.5:1) for text; the layout reflows down to a 320 px screen without sideways scrolling.
const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-alt: #f6f8fa; --bad: #b42318; --bad-bg: #fff5f5; --good: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 16px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
a { color: #0550ae; }
.meta { color: var(--muted); margin: 0 0 10px; }
.verdict { font-size: 16px; font-weight: 600; margin: 8px 0; }
.problems { margin: 8px 0 16px; padding: 8px 12px; border-left: 4px solid var(--bad); background: var(--bad-bg); }
.problems h2 { margin: 4px 0 6px; border: 0; font-size: 17px; }
.problems ul { margin: 0; padding-left: 20px; }
.problems li { margin: 4px 0; }
.tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 700; letter-spacing: .02em; white-space: nowrap; }
.tag-blocker { background: var(--bad); color: #fff; }
.tag-fail, .tag-error { background: #ffebe9; color: var(--bad); border: 1px solid #ffcecb; }
.tag-pass { background: #dafbe1; color: #116329; }
.tag-not_applicable { background: var(--bg-alt); color: var(--muted); border: 1px solid var(--line); }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th, td { overflow-wrap: normal; }
td code { overflow-wrap: anywhere; }

code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.rating { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }
.scale { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 8px 0; color: var(--muted); }
.scale span.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
svg { max-width: 100%; height: auto; }
ol.checks { list-style: none; padding: 0; margin: 6px 0; }
ol.checks li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
ol.checks li.check-fail, ol.checks li.check-error { border-left: 4px solid var(--bad); }
.check-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.check-title { color: var(--muted); }
.check-message { margin: 4px 0 0; }
.root-causes { border-left: 4px solid var(--bad); background: var(--bad-bg); padding: 6px 12px; margin: 8px 0; }
.root-causes p { margin: 4px 0; }
details { margin: 8px 0; }
details > summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg-alt); padding: 6px; margin: 4px 0 0; max-height: 240px; overflow: auto; }
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
@media (max-width: 640px) {
  body { padding: 12px; }
  th, td { padding: 4px 5px; }
  /* On a phone the summary keeps builder, rating and failed/ran; the blockers are listed just above it. */
  table.summary-table .wide-col { display: none; }
  .rating { white-space: normal; }
}
`;

const slug = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '_');
const anchor = (builder: string): string => `builder-${slug(builder)}`;
const checkAnchor = (builder: string, check: string): string => `check-${slug(builder)}-${slug(check)}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function ratingBadge(score: number | null, rating: string | null, withScore = true): string {
  const text = rating === null ? 'no checks ran' : withScore ? `${formatScore(score)} ${rating}` : rating;
  return `<span class="rating" style="background:${colourForScore(score)};color:${textColourForScore(score)}">${escapeHtml(text)}</span>`;
}

function statusTags(check: ReportedCheck): string {
  const blocker = isFailing(check) && check.severity === 'blocker' ? '<span class="tag tag-blocker">BLOCKER</span> ' : '';
  return `${blocker}<span class="tag tag-${check.status}">${STATUS_LABELS[check.status]}</span>`;
}

/** At the top: every failing check of every builder, blockers first, each linking to its entry in its builder. */
function problemList(report: RunReport): string {
  const failing = report.builders.flatMap((b) => failingChecks(b).map((c) => ({ builder: b.builder, check: c })));
  if (failing.length === 0) return '';
  const blockers = failing.filter((f) => f.check.severity === 'blocker');
  const others = failing.filter((f) => f.check.severity !== 'blocker');
  const item = ({ builder, check }: (typeof failing)[number]) =>
    `<li>${statusTags(check)} <a href="#${checkAnchor(builder, check.id)}"><strong>${escapeHtml(builder)}</strong> › <code>${escapeHtml(check.id)}</code></a> — ${escapeHtml(check.title)}</li>`;
  const section = (id: string, heading: string, items: typeof failing) =>
    items.length === 0
      ? ''
      : `<section class="problems" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${heading}</h2><ul>${items.map(item).join('')}</ul></section>`;
  return section('blockers', `Blockers (${blockers.length})`, blockers) + section('failures', `Other failures (${others.length})`, others);
}

function summaryTable(report: RunReport): string {
  const head = `<tr><th scope="col">Builder</th><th scope="col">Rating</th><th scope="col" class="wide-col">Blockers</th><th scope="col" class="num">Failed/Ran</th>${LEVELS.map((l) => `<th scope="col" class="num wide-col">L${l}</th>`).join('')}<th scope="col" class="num wide-col">N/A</th></tr>`;
  const rows = report.builders.map((b) => {
    const levels = LEVELS.map((l) => `<td class="num wide-col">${formatScore(b.score.levels[l].score)}</td>`).join('');
    const failed = b.checks.filter(isFailing).length;
    const blockers = b.score.blockers.length > 0 ? b.score.blockers.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ') : 'none';
    return (
      `<tr data-builder="${escapeHtml(b.builder)}"><th scope="row"><a href="#${anchor(b.builder)}">${escapeHtml(b.builder)}</a></th>` +
      `<td>${ratingBadge(b.score.overall, b.score.rating)}</td><td class="wide-col">${blockers}</td><td class="num">${failed}/${b.score.ran}</td>${levels}<td class="num wide-col">${b.score.notApplicable}</td></tr>`
    );
  });
  // The wrapper scrolls on its own on a narrow screen (and can be focused to scroll by keyboard); the page does not.
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="Scores per builder"><table class="summary-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function ratingScale(): string {
  const items = RATINGS.map(
    (r) => `<span><span class="swatch" style="background:${RATING_COLOURS[r]}"></span>${escapeHtml(`${r} ${RATING_THRESHOLDS[r]}`)}</span>`,
  );
  return `<div class="scale" role="note" aria-label="rating scale">${items.join('')}</div>`;
}

function evidence(check: ReportedCheck): string {
  if (check.evidence === undefined || !isFailing(check)) return '';
  return `<details><summary>Evidence</summary><pre>${escapeHtml(JSON.stringify(check.evidence, null, 2))}</pre></details>`;
}

function checkItem(builder: string, c: ReportedCheck): string {
  // A root cause's own words are printed once, in the builder's root causes; the check links to them.
  const text = c.rootCause ? shortMessage(c) : c.message;
  const message = text ? `<p class="check-message">${c.status === 'not_applicable' ? 'Not applicable: ' : ''}${escapeHtml(text)}</p>` : '';
  const cause = c.rootCause
    ? `<p class="check-message">Root cause <a href="#${anchor(builder)}-causes">#${c.rootCause.group} ${escapeHtml(c.rootCause.kind)}</a></p>`
    : '';
  return (
    `<li class="check-${c.status}" id="${checkAnchor(builder, c.id)}" data-check="${escapeHtml(c.id)}" data-status="${c.status}">` +
    `<div class="check-head">${statusTags(c)} <code>${escapeHtml(c.id)}</code> <span class="check-title">${escapeHtml(c.title)} · L${c.level} · ${c.severity}</span></div>` +
    `${message}${cause}${evidence(c)}</li>`
  );
}

function checkList(builder: string, checks: readonly ReportedCheck[]): string {
  return `<ol class="checks">${checks.map((c) => checkItem(builder, c)).join('')}</ol>`;
}

/** Failing checks open, blockers first; passing and not-applicable ones folded away with their counts. */
function checkSections(b: BuilderReport): string {
  const failing = failingChecks(b);
  const passed = b.checks.filter((c) => c.status === 'pass');
  const notApplicable = b.checks.filter((c) => c.status === 'not_applicable');
  const open = failing.length > 0 ? `<h3>Failing checks (${failing.length})</h3>${checkList(b.builder, failing)}` : '<p>No check failed.</p>';
  const folded = (label: string, checks: readonly ReportedCheck[], kind: string) =>
    checks.length === 0 ? '' : `<details class="folded-${kind}"><summary>${label} (${checks.length})</summary>${checkList(b.builder, checks)}</details>`;
  return open + folded('Passed', passed, 'pass') + folded('Not applicable', notApplicable, 'not_applicable');
}

function rootCauses(b: BuilderReport): string {
  if (b.rootCauses.length === 0) return '';
  const items = b.rootCauses.map(
    (g) =>
      `<p><strong>#${g.group} ${escapeHtml(g.kind)}: ${escapeHtml(rootCauseHeadline(g))}</strong> — ${escapeHtml(g.message)}</p>` +
      `<p>Fix: ${escapeHtml(g.hint)}</p><p>Checks: ${g.checks.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}</p>`,
  );
  return `<div class="root-causes" id="${anchor(b.builder)}-causes"><h3>Root causes</h3>${items.join('')}</div>`;
}

function builderSection(b: BuilderReport, history: readonly HistoryPoint[] | undefined): string {
  const historyChart = history && history.length > 0 ? renderHistoryChart(b.builder, history) : '';
  return (
    `<section class="builder" id="${anchor(b.builder)}" data-builder="${escapeHtml(b.builder)}" aria-labelledby="${anchor(b.builder)}-title">` +
    `<h2 id="${anchor(b.builder)}-title">${escapeHtml(b.builder)} ${ratingBadge(b.score.overall, b.score.rating)}</h2>` +
    `<p class="meta">${escapeHtml(b.stepType)} builder, framework ${escapeHtml(b.framework)} · ${escapeHtml(builderVerdict(b))}</p>` +
    rootCauses(b) +
    checkSections(b) +
    `<details class="charts-details" open><summary>Charts</summary><div class="charts">${renderLevelChart(b)}${historyChart}</div></details>` +
    `</section>`
  );
}

/**
 * report.html: one self-contained page (inline CSS and SVG, nothing fetched). At the top the verdict and every
 * blocker and failure linking to its builder; then the summary table; then per builder its failing checks,
 * with passing and not-applicable ones folded away, and its charts.
 */
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
<p class="meta">stepscore ${escapeHtml(report.tool.version)} · backend ${escapeHtml(report.run.backend)} · levels ${levels}${shard} · ${plural(report.builders.length, 'builder')} · ${escapeHtml(report.timing.startedAt)}</p>
</header>
<main>
<p class="verdict" id="verdict">${escapeHtml(summaryLine(report))}</p>
${problemList(report)}
<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Scores</h2>
${summaryTable(report)}
${ratingScale()}
</section>
${report.builders.map((b) => builderSection(b, options.history?.[b.builder])).join('\n')}
</main>
</body>
</html>
`;
}
