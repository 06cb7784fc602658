import { consoleStyleFor } from '../reporters/console/console-style.js';
import { renderConsoleReport } from '../reporters/console/render-console-report.js';
import { renderSummaryJson } from '../reporters/json/summary-document.js';
import type { RunReport } from '../report/run-report.js';
import { CliError, type CliIo, EXIT_FAILURE, writeLine } from './cli-io.js';
import type { NightlyPathOptions } from './nightly-output.js';

export interface PrintOptions {
  /** Print only the summary JSON on stdout; notes then go to stderr. */
  readonly json?: boolean;
  /** List every check, not only the failing ones. */
  readonly verbose?: boolean;
}

/** The options of a command that ends a run with its reports (score, merge), as commander gives them. */
export interface ReportingOptions extends PrintOptions, NightlyPathOptions {
  readonly config?: string;
  readonly out?: string;
  readonly minScore?: string;
  readonly minRating?: string;
  readonly nightly?: boolean;
}

/**
 * A line per builder and its failing checks (every check with --verbose), wrapped to the terminal (100 columns
 * when stdout is not one); or, with --json, the summary JSON.
 */
export function printReport(io: CliIo, report: RunReport, options: PrintOptions): void {
  if (options.json) io.stdout.write(renderSummaryJson(report));
  else writeLine(io.stdout, renderConsoleReport(report, { ...consoleStyleFor(io.stdout), verbose: options.verbose ?? false }));
}

/** A note for the person running the command: on stdout with the tables, on stderr when stdout is JSON. */
export function note(io: CliIo, options: PrintOptions, text: string): void {
  writeLine(options.json ? io.stderr : io.stdout, text);
}

/** Where the reports went; a partial run (--builder, --level) also says what it left in place. */
export function noteWritten(io: CliIo, options: PrintOptions, folder: string, partial = false): void {
  note(io, options, `\nReports written to ${folder}/\n  summary.json, builders/<builder>.json, report.md, report.html, junit.xml`);
  if (partial) note(io, options, "Partial run: the other builders' files in builders/ were kept; the rest covers this run only.");
}

/** Exit code 1, after listing each problem on stderr: builders under a bar, nightly regressions. */
export function exitOnProblems(io: CliIo, problems: readonly string[]): void {
  if (problems.length === 0) return;
  for (const problem of problems) writeLine(io.stderr, `✗ ${problem}`);
  throw new CliError(`${problems.length} problem${problems.length === 1 ? '' : 's'} above: exit code 1`, EXIT_FAILURE);
}
