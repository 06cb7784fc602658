import { access } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { HistoryPoint } from '../reporters/html/history-chart-svg.js';
import { reportFiles } from '../report/report-files.js';
import type { RunReport } from '../report/run-report.js';
import { ensureWritableFolder, writeReportFiles } from '../report/write-report-files.js';
import { type Baseline, loadBaseline } from './baseline.js';
import { compareRuns, type Comparison, emptyComparison, type FailureMessages } from './compare-runs.js';
import { appendHistory, type HistoryEntry, historyEntryFor, previousComparableRun, readHistory } from './history.js';
import { renderComparisonMarkdown } from './render-comparison.js';
import { incomparability, type RunSnapshot, snapshotOf } from './run-snapshot.js';

export interface NightlyPaths {
  /** Each run gets a folder in here named by its UTC start time. */
  readonly nightlyRoot: string;
  readonly historyFile: string;
  readonly baselineFile: string;
}

export interface NightlyInputs {
  readonly history: readonly HistoryEntry[];
  readonly baseline: Baseline | undefined;
}

export interface NightlyOutcome {
  readonly folder: string;
  readonly comparisons: readonly Comparison[];
  readonly regressed: boolean;
  readonly written: readonly string[];
}

/** How many runs the HTML history charts show, this one included. */
export const HISTORY_CHART_RUNS = 30;

/** Reads and validates the history and baseline before anything runs, so a corrupt file stops the run early. */
export async function loadNightlyInputs(paths: NightlyPaths): Promise<NightlyInputs> {
  await ensureWritableFolder(paths.nightlyRoot);
  await ensureWritableFolder(dirname(paths.historyFile));
  return { history: await readHistory(paths.historyFile), baseline: await loadBaseline(paths.baselineFile) };
}

/** `2025-08-16T00-23-05Z`: sortable, and legal on every file system. */
export function nightlyFolderName(startedAt: string): string {
  return startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function freshFolder(root: string, startedAt: string): Promise<string> {
  const base = join(root, nightlyFolderName(startedAt));
  let folder = base;
  for (let n = 2; await exists(folder); n++) folder = `${base}-${n}`;
  return folder;
}

function historyPoints(history: readonly HistoryEntry[], current: HistoryEntry): Record<string, HistoryPoint[]> {
  const runs = [...history.filter((h) => incomparability(h, current) === undefined), current].slice(-HISTORY_CHART_RUNS);
  const points: Record<string, HistoryPoint[]> = {};
  for (const builder of current.builders.map((b) => b.builder)) {
    points[builder] = runs.flatMap((run) => {
      const entry = run.builders.find((b) => b.builder === builder);
      return entry ? [{ startedAt: run.startedAt, overall: entry.overall, rating: entry.rating }] : [];
    });
  }
  return points;
}

export const NO_BASELINE_YET = 'there is no baseline yet: create it with `pnpm stepscore baseline update`';

/** The comparison with the baseline; one that cannot be made says how to make one that can. */
function baselineComparison(baseline: RunSnapshot, current: RunSnapshot, baselineFile: string, messages: FailureMessages): Comparison {
  const against = `baseline (${baselineFile})`;
  const reason = incomparability(baseline, current);
  if (!reason) return compareRuns(baseline, current, against, messages);
  const rerun =
    baseline.backend !== current.backend ? `--backend ${baseline.backend}` : `every level the baseline has (${baseline.levels.map((l) => `L${l}`).join(', ')})`;
  return emptyComparison(
    against,
    `${reason}. Score with ${rerun} to compare with it, or write a baseline for this run with \`pnpm stepscore baseline update --backend ${current.backend} --baseline <file>\``,
  );
}

/** Compares this run with the previous comparable run and with the baseline. Pure. */
export function nightlyComparisons(report: RunReport, inputs: NightlyInputs, baselineFile: string): Comparison[] {
  const current = snapshotOf(report);
  const messages = (builder: string, check: string) =>
    report.builders.find((b) => b.builder === builder)?.checks.find((c) => c.id === check)?.message ?? undefined;
  const previous = previousComparableRun(inputs.history, current);
  return [
    previous
      ? compareRuns(previous, current, `previous run (${previous.startedAt})`, messages)
      : emptyComparison('previous run', 'no earlier run with the same levels and backend in the history'),
    inputs.baseline ? baselineComparison(inputs.baseline, current, baselineFile, messages) : emptyComparison(`baseline (${baselineFile})`, NO_BASELINE_YET),
  ];
}

/**
 * Writes the run's reports (with history charts and the comparison) to a new folder under the nightly
 * root, then appends the run to the history. Every file is written atomically.
 */
export async function writeNightlyRun(report: RunReport, inputs: NightlyInputs, paths: NightlyPaths): Promise<NightlyOutcome> {
  const folder = await freshFolder(paths.nightlyRoot, report.timing.startedAt);
  const entry = historyEntryFor(report, relative(dirname(paths.historyFile), folder).split(sep).join('/'));
  const comparisons = nightlyComparisons(report, inputs, paths.baselineFile);
  const files = [
    ...reportFiles(report, { history: historyPoints(inputs.history, entry) }),
    { path: 'comparison.json', content: `${JSON.stringify(comparisons, null, 2)}\n` },
    { path: 'comparison.md', content: renderComparisonMarkdown(comparisons) },
  ];
  const written = await writeReportFiles(folder, files);
  await appendHistory(paths.historyFile, entry);
  return { folder, comparisons, regressed: comparisons.some((c) => c.regressed), written: [...written, paths.historyFile] };
}
