import { join } from 'node:path';
import type { Command } from 'commander';
import { reportFiles } from '../../report/report-files.js';
import { ensureWritableFolder, writeReportFiles } from '../../report/write-report-files.js';
import { mergeShardFolders } from '../../sharding/merge-shards.js';
import { CliError, type CliIo, EXIT_USAGE } from '../cli-io.js';
import { reportingBadInput } from '../input-errors.js';
import { completeNightly, nightlyPaths, prepareNightly } from '../nightly-output.js';
import { exitOnProblems, noteWritten, printReport, type ReportingOptions } from '../report-output.js';
import { thresholdFailures, thresholdsFrom } from '../thresholds.js';
import { exitCodesHelp } from '../exit-codes.js';
import { loadCliProject, PROJECT_CONFIG_HELP } from '../project-option.js';
import { DEFAULT_REPORTS_DIR } from './score.js';

type MergeOptions = ReportingOptions;

export function registerMergeCommand(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description('join the partial results of `stepscore score --shard i/n` into the reports one unsharded run writes')
    .argument('<dirs...>', 'the folders the shards wrote (every shard of the run, each once)')
    .option('-o, --out <dir>', 'where to write the merged reports (default: <reports-dir>/latest)')
    .option('--reports-dir <dir>', 'the reports folder holding latest/, nightly/, history.jsonl and baseline.json', DEFAULT_REPORTS_DIR)
    .option('--json', 'print the summary JSON on stdout instead of the builder lines')
    .option('-v, --verbose', 'list every check of every builder, not only the failing ones')
    .option('--min-score <n>', 'exit 1 when a builder scores below n (0-100)')
    .option('--min-rating <rating>', 'exit 1 when a builder is rated below this rating')
    .option(
      '--nightly',
      'treat the merged run as the nightly run: write <reports-dir>/nightly/<UTC time>/, append to the history, compare; exit 1 on a regression',
    )
    .option('--history <file>', 'the nightly history (default: <reports-dir>/history.jsonl)')
    .option('--baseline <file>', 'the baseline (default: <reports-dir>/baseline.json)')
    .option('--config <file>', `${PROJECT_CONFIG_HELP}; its thresholds apply when no --min-score/--min-rating is given`)
    .addHelpText(
      'after',
      `
Each folder's summary.json and builder files are validated; a missing shard, a shard given twice,
shards of different runs or a damaged file stop the merge with exit code 2.

${exitCodesHelp('merge')}

Examples:
  $ pnpm stepscore score --shard 1/2 && pnpm stepscore score --shard 2/2
  $ pnpm stepscore merge reports/shards/1-of-2 reports/shards/2-of-2
  $ pnpm stepscore merge shard-*/ --nightly`,
    )
    .action(async (dirs: string[], options: MergeOptions) => {
      const { config } = await loadCliProject(options.config);
      const thresholds = thresholdsFrom(options, config);
      if (options.nightly && options.out)
        throw new CliError('--nightly writes to <reports-dir>/nightly/<UTC time>/: use --reports-dir instead of --out', EXIT_USAGE);
      if (!options.nightly && (options.history || options.baseline)) throw new CliError('--history and --baseline only apply with --nightly', EXIT_USAGE);
      const out = options.out ?? join(options.reportsDir, 'latest');
      const paths = nightlyPaths(options);
      const nightlyInputs = options.nightly ? await prepareNightly(paths) : undefined;
      const report = await reportingBadInput(() => mergeShardFolders(dirs));

      printReport(io, report, options);
      const problems = thresholdFailures(report, thresholds);
      if (nightlyInputs) {
        problems.push(...(await completeNightly(io, report, nightlyInputs, paths, options)));
      } else {
        await reportingBadInput(async () => {
          await ensureWritableFolder(out);
          await writeReportFiles(out, reportFiles(report));
        });
        noteWritten(io, options, out);
      }
      exitOnProblems(io, problems);
    });
}
