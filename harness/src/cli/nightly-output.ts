import { join } from 'node:path';
import { comparisonLines, renderComparisonText } from '../nightly/render-comparison.js';
import { loadNightlyInputs, NO_BASELINE_YET, type NightlyInputs, type NightlyPaths, writeNightlyRun } from '../nightly/nightly-run.js';
import type { RunReport } from '../report/run-report.js';
import { type CliIo, writeLine } from './cli-io.js';
import { reportingBadInput } from './input-errors.js';
import { note, type PrintOptions } from './report-output.js';

export interface NightlyPathOptions {
  readonly reportsDir: string;
  readonly history?: string;
  readonly baseline?: string;
}

export function nightlyPaths(options: NightlyPathOptions): NightlyPaths {
  return {
    nightlyRoot: join(options.reportsDir, 'nightly'),
    historyFile: options.history ?? join(options.reportsDir, 'history.jsonl'),
    baselineFile: options.baseline ?? join(options.reportsDir, 'baseline.json'),
  };
}

/** Validates the history and baseline before the run; a corrupt one is exit code 2 and stays as it is. */
export function prepareNightly(paths: NightlyPaths): Promise<NightlyInputs> {
  return reportingBadInput(() => loadNightlyInputs(paths));
}

/** Writes the nightly folder, appends the history, prints the comparisons; returns the regressions. */
export async function completeNightly(io: CliIo, report: RunReport, inputs: NightlyInputs, paths: NightlyPaths, options: PrintOptions): Promise<string[]> {
  const outcome = await reportingBadInput(() => writeNightlyRun(report, inputs, paths));
  note(io, options, `\n${renderComparisonText(outcome.comparisons)}`);
  // A baseline that exists but cannot be compared is worth a warning: the run was held to nothing.
  for (const c of outcome.comparisons) {
    if (c.notComparable && c.against.startsWith('baseline') && c.notComparable !== NO_BASELINE_YET)
      writeLine(io.stderr, `warning: not compared with the ${c.against}: ${c.notComparable}`);
  }
  note(io, options, `\nNightly reports written to ${outcome.folder}/ (with comparison.md and comparison.json)\nRun appended to ${paths.historyFile}`);
  return outcome.comparisons.flatMap((c) =>
    c.regressed
      ? comparisonLines(c)
          .filter((l) => l.startsWith('REGRESSION'))
          .map((l) => `${l} (against the ${c.against})`)
      : [],
  );
}
