import { formatScore } from '../reporters/console/table.js';
import type { CheckChange, Comparison } from './compare-runs.js';

const status = (s: string | null): string => s ?? 'absent';
const change = (c: CheckChange): string => `${c.builder} ${c.check}: ${status(c.before)} → ${status(c.after)}${c.message ? ` — ${c.message}` : ''}`;

/** Each change as one line, regressions first, prefixed with what kind of change it is. */
export function comparisonLines(comparison: Comparison): string[] {
  if (comparison.notComparable) return [`not compared: ${comparison.notComparable}`];
  const lines = [
    ...comparison.scoreDrops.map((c) => `REGRESSION score: ${c.builder} ${formatScore(c.before)} → ${formatScore(c.after)}`),
    ...comparison.ratingDrops.map((c) => `REGRESSION rating: ${c.builder} ${c.before ?? 'none'} → ${c.after ?? 'no checks ran'}`),
    ...comparison.newBlockers.map((c) => `REGRESSION new blocker: ${c.builder} ${c.check} (was ${status(c.before)})`),
    ...comparison.passToFail.map((c) => `REGRESSION check: ${change(c)}`),
    ...comparison.newChecks.map((c) => `new check: ${c.builder} ${c.check} (${status(c.after)})`),
    ...comparison.removedChecks.map((c) => `removed check: ${c.builder} ${c.check} (was ${status(c.before)})`),
    ...comparison.newBuilders.map((b) => `new builder: ${b}`),
    ...comparison.removedBuilders.map((b) => `builder not in this run: ${b}`),
    ...comparison.scoreRises.map((c) => `improved: ${c.builder} ${formatScore(c.before)} → ${formatScore(c.after)}`),
    ...comparison.nowPassing.map((c) => `now passing: ${change(c)}`),
  ];
  return lines.length > 0 ? lines : ['no changes'];
}

function verdict(comparison: Comparison): string {
  if (comparison.notComparable) return 'not compared';
  return comparison.regressed ? 'REGRESSED' : 'no regression';
}

export function renderComparisonText(comparisons: readonly Comparison[]): string {
  return comparisons.map((c) => [`Compared with the ${c.against}: ${verdict(c)}`, ...comparisonLines(c).map((l) => `  ${l}`)].join('\n')).join('\n\n');
}

export function renderComparisonMarkdown(comparisons: readonly Comparison[]): string {
  const sections = comparisons.map((c) =>
    [`## Compared with the ${c.against}: ${verdict(c)}`, '', ...comparisonLines(c).map((l) => `- ${l.replace(/\|/g, '\\|')}`)].join('\n'),
  );
  return `# stepscore nightly comparison\n\n${sections.join('\n\n')}\n`;
}
