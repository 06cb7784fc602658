import { join } from 'node:path';
import type { Command } from 'commander';
import { reportFiles } from '../../report/report-files.js';
import { ensureWritableFolder, writeReportFiles } from '../../report/write-report-files.js';
import { openBackend, parseBackend } from '../backend-option.js';
import { CliError, type CliIo, EXIT_USAGE } from '../cli-io.js';
import { reportingBadInput } from '../input-errors.js';
import { completeNightly, nightlyPaths, prepareNightly } from '../nightly-output.js';
import { exitOnProblems, noteWritten, printReport, type ReportingOptions } from '../report-output.js';
import { collect, inShard, parseCheckTimeout, parseConcurrency, parseLevels, parseShardOption, selectBuilders } from '../score-options.js';
import { startProgressLine } from '../progress-line.js';
import { scoreRun } from '../score-run.js';
import { thresholdFailures, thresholdsFrom } from '../thresholds.js';
import { exitCodesHelp } from '../exit-codes.js';
import { loadCliProject, PROJECT_CONFIG_HELP } from '../project-option.js';
import type { ProjectBuilders, ProjectModules } from '../../project-config/load-project.js';
import type { StepscoreConfig } from '../../project-config/stepscore-config.js';
import { MOCK_BACKEND } from '../../runner/isolated/backend-descriptor.js';
import { type EarlyWorkers, type LaunchedWorkers, launchWorkers } from '../../runner/isolated/early-workers.js';
import { idleWorkersWaiting } from '../../runner/isolated/idle-workers.js';
import type { WorkerSetup } from '../../runner/isolated/worker-setup.js';
import { BUILDERS_PER_WORKER } from '../../runner/isolated/worker-count.js';

export const DEFAULT_REPORTS_DIR = 'reports';

interface ScoreOptions extends ReportingOptions {
  readonly builder: readonly string[];
  readonly level: readonly string[];
  readonly concurrency?: string;
  readonly checkTimeout?: string;
  readonly backend?: string;
  readonly shard?: string;
}

/** `launched`: a worker launched for this command as the process started (cli/early-launch.ts), taken over here. */
export function registerScoreCommand(program: Command, io: CliIo, launched?: LaunchedWorkers): void {
  program
    .command('score')
    .description('run the checks on the registered builders, print a line per builder and its failing checks, and write the reports')
    .option('-b, --builder <name>', 'score only this builder (repeatable; default: every registered builder)', collect, [])
    .option('-l, --level <n>', 'run only this level, 1-4 (repeatable; default: all four)', collect, [])
    .option('--concurrency <n>', `how many builders run at once (default: one worker per ${BUILDERS_PER_WORKER} builders, at most one per CPU)`)
    .option('--check-timeout <ms>', 'time limit per check, builder code included; a check that overruns errors and its worker is replaced (default: 5000)')
    .option('--backend <name>', "the SageMaker backend of the Integration level: mock or moto (default: the config's backend, else mock)")
    .option('--config <file>', PROJECT_CONFIG_HELP)
    .option('-o, --out <dir>', 'where to write the reports (default: <reports-dir>/latest, or <reports-dir>/shards/<i>-of-<n> with --shard)')
    .option('--reports-dir <dir>', 'the reports folder holding latest/, nightly/, shards/, history.jsonl and baseline.json', DEFAULT_REPORTS_DIR)
    .option('--json', 'print the summary JSON on stdout instead of the builder lines')
    .option('-v, --verbose', 'list every check of every builder, not only the failing ones')
    .option('--min-score <n>', 'exit 1 when a builder scores below n (0-100)')
    .option('--min-rating <rating>', 'exit 1 when a builder is rated below: Excellent, Good, Satisfactory, "Needs Work" or Poor')
    .option('--shard <i/n>', 'score only slice i of n of the builders (sorted by name, every n-th) and write a partial result for `stepscore merge`')
    .option(
      '--nightly',
      'write <reports-dir>/nightly/<UTC time>/, append to the history, compare with the previous run and the baseline; exit 1 on a regression',
    )
    .option('--history <file>', 'the nightly history (default: <reports-dir>/history.jsonl)')
    .option('--baseline <file>', 'the committed baseline nightly runs are compared with (default: <reports-dir>/baseline.json)')
    .addHelpText(
      'after',
      `
Prints a line per builder (score, rating, blockers, failed/ran) and its failing checks, blockers
first, wrapped to the terminal (100 columns when not one; no colour then, or with NO_COLOR);
--verbose lists every check. A progress line shows on stderr on a terminal.
Writes summary.json, builders/<builder>.json, report.md, report.html and junit.xml to --out (the JSON
schema is in harness/src/report/SCHEMA.md). A partial run (--builder, --level) keeps the other builders'
files in builders/; its summary.json, report.md, report.html and junit.xml cover only what it scored.

${exitCodesHelp('score')}

Examples:
  $ pnpm score
  $ pnpm score --builder PyTorchTraining --level 1 --level 2
  $ pnpm score --json --min-rating Good
  $ pnpm score:nightly
  $ pnpm stepscore score --shard 1/2 && pnpm stepscore score --shard 2/2 && pnpm stepscore merge reports/shards/*`,
    )
    .action(async (options: ScoreOptions) => {
      await score(io, options, launched);
    });
}

/**
 * What the run's workers are started with, as soon as the config names the modules they load; none for moto,
 * whose endpoint is known only once its server runs, or when the time limit given is bad (reported below, after
 * what the config says).
 */
function earlyWorkerSetup(options: ScoreOptions, config: StepscoreConfig, modules: ProjectModules): WorkerSetup | undefined {
  if ((options.backend ?? config.backend ?? 'mock') !== 'mock') return undefined;
  try {
    return { ...modules, backend: MOCK_BACKEND, checkTimeoutMs: parseCheckTimeout(options.checkTimeout) };
  } catch {
    return undefined;
  }
}

async function score(io: CliIo, options: ScoreOptions, launchedEarlier: LaunchedWorkers | undefined): Promise<void> {
  // A worker launched now (or as the process started) loads the checks while this thread loads the config; once
  // the config names the builders' modules it loads them too, while this thread does the same. None when an earlier
  // run's workers wait in this process: the run takes those over if it is started as that one was.
  const launched = options.backend === 'moto' ? undefined : (launchedEarlier ?? (idleWorkersWaiting() ? undefined : launchWorkers()));
  let early: EarlyWorkers | undefined;
  try {
    const project = await loadCliProject(options.config, (config, modules) => {
      const setup = earlyWorkerSetup(options, config, modules);
      if (launched && setup) early = launched.begin(setup);
    });
    await scoreProject(io, options, project, early);
  } finally {
    // A run stops the workers it took over; this stops them when it did not (moto, or the command failed first).
    await launched?.stop();
  }
}

async function scoreProject(io: CliIo, options: ScoreOptions, project: ProjectBuilders, early: EarlyWorkers | undefined): Promise<void> {
  const { config } = project;
  const levels = options.level.length > 0 ? parseLevels(options.level) : parseLevels((config.levels ?? []).map(String));
  const concurrency = parseConcurrency(options.concurrency);
  const checkTimeoutMs = parseCheckTimeout(options.checkTimeout);
  const thresholds = thresholdsFrom(options, config);
  const shard = parseShardOption(options.shard);
  const backendName = parseBackend(options.backend ?? config.backend ?? 'mock');
  const selected = selectBuilders(project.registry, options.builder);
  if (options.nightly && shard)
    throw new CliError('--nightly cannot be combined with --shard: score the shards, then run `stepscore merge --nightly` on their folders', EXIT_USAGE);
  if (options.nightly && options.out)
    throw new CliError('--nightly writes to <reports-dir>/nightly/<UTC time>/: use --reports-dir instead of --out', EXIT_USAGE);
  if (!options.nightly && (options.history || options.baseline)) throw new CliError('--history and --baseline only apply with --nightly', EXIT_USAGE);

  const registrations = shard ? inShard(selected, shard) : selected;
  const paths = nightlyPaths(options);
  const out = options.out ?? (shard ? join(options.reportsDir, 'shards', `${shard.index}-of-${shard.count}`) : join(options.reportsDir, 'latest'));
  const nightlyInputs = options.nightly ? await prepareNightly(paths) : undefined;
  if (!options.nightly) await reportingBadInput(() => ensureWritableFolder(out));

  const backend = await openBackend(backendName);
  const stopProgress = startProgressLine(io.stderr, `scoring ${registrations.length} builder${registrations.length === 1 ? '' : 's'}`);
  const report = await scoreRun({
    registrations,
    project,
    levels,
    backend,
    concurrency,
    checkTimeoutMs,
    shard: shard ? { ...shard, of: selected.map((r) => r.stepName) } : null,
    ...(early ? { earlyWorkers: early } : {}),
  }).finally(() => {
    stopProgress();
    return backend.close();
  });

  printReport(io, report, options);
  const problems = thresholdFailures(report, thresholds);
  if (nightlyInputs) {
    problems.push(...(await completeNightly(io, report, nightlyInputs, paths, options)));
  } else {
    const partial = options.builder.length > 0 || options.level.length > 0;
    await reportingBadInput(() => writeReportFiles(out, reportFiles(report), { keepOtherBuilders: partial }));
    noteWritten(io, options, out, partial);
  }
  exitOnProblems(io, problems);
}
