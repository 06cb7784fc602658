import { join } from 'node:path';
import type { Command } from 'commander';
import { baselineFor, loadBaseline, writeBaseline } from '../../nightly/baseline.js';
import { compareRuns } from '../../nightly/compare-runs.js';
import { renderComparisonText } from '../../nightly/render-comparison.js';
import { readReportFolder } from '../../report/read-report-folder.js';
import { buildRunReport, type RunReport } from '../../report/run-report.js';
import { formatScore } from '../../reporters/console/table.js';
import { LEVELS } from '../../scoring/score-builder.js';
import { openBackend, parseBackend } from '../backend-option.js';
import { CliError, type CliIo, EXIT_USAGE, writeLine } from '../cli-io.js';
import { InputFileError } from '../../report/input-file-error.js';
import { reportingBadInput } from '../input-errors.js';
import { parseConcurrency, selectBuilders } from '../score-options.js';
import { scoreRun } from '../score-run.js';
import { exitCodesHelp } from '../exit-codes.js';
import { loadCliProject, PROJECT_CONFIG_HELP } from '../project-option.js';
import { DEFAULT_REPORTS_DIR } from './score.js';

interface BaselineUpdateOptions {
  readonly from?: string;
  readonly baseline?: string;
  readonly reportsDir: string;
  readonly backend?: string;
  readonly concurrency?: string;
  readonly config?: string;
}

export function registerBaselineCommand(program: Command, io: CliIo): void {
  const baseline = program.command('baseline').description('the committed baseline (reports/baseline.json) that nightly runs are compared with');
  baseline
    .command('update')
    .description('score every builder on all four levels (or take an existing report with --from) and write the baseline')
    .option('--from <dir>', 'take the scores from a report folder `stepscore score` or `merge` wrote, instead of running')
    .option('--baseline <file>', 'the baseline file (default: <reports-dir>/baseline.json)')
    .option('--reports-dir <dir>', 'the reports folder', DEFAULT_REPORTS_DIR)
    .option('--backend <name>', "the backend of the run: mock or moto (default: the config's backend, else mock)")
    .option('--config <file>', `${PROJECT_CONFIG_HELP}; the baseline always covers all four levels`)
    .option('--concurrency <n>', 'how many builders run at once')
    .addHelpText(
      'after',
      `
The baseline has no timestamps: regenerating it on an unchanged tree gives the same file. A damaged
existing baseline is replaced (a warning on stderr says so); the folder is created when missing.

${exitCodesHelp('baseline update')}

Examples:
  $ pnpm stepscore baseline update
  $ pnpm stepscore baseline update --from reports/latest`,
    )
    .action(async (options: BaselineUpdateOptions) => {
      const file = options.baseline ?? join(options.reportsDir, 'baseline.json');
      const old = await loadBaseline(file).catch((error: unknown) => {
        if (!(error instanceof InputFileError)) throw error;
        writeLine(
          io.stderr,
          `warning: the existing baseline is damaged and will be replaced: ${error.file}${error.location ? `, ${error.location}` : ''}: ${error.problem}`,
        );
        return undefined;
      });
      const report = options.from ? await reportFrom(options.from) : await runAll(options);
      const next = baselineFor(report);
      await reportingBadInput(() => writeBaseline(file, next));
      for (const b of report.builders)
        writeLine(io.stdout, `${b.builder}: ${formatScore(b.score.overall)} ${b.score.rating ?? 'no checks ran'} (${b.score.passed}/${b.score.ran} passed)`);
      if (old) writeLine(io.stdout, `\n${renderComparisonText([compareRuns(old, next, `previous baseline (${file})`)])}`);
      writeLine(io.stdout, `\nBaseline written to ${file}: commit it so nightly runs compare with it.`);
    });
}

async function runAll(options: BaselineUpdateOptions): Promise<RunReport> {
  const project = await loadCliProject(options.config);
  const backendName = parseBackend(options.backend ?? project.config.backend ?? 'mock');
  const concurrency = parseConcurrency(options.concurrency);
  const backend = await openBackend(backendName);
  return scoreRun({ registrations: selectBuilders(project.registry, []), project, levels: LEVELS, backend, concurrency }).finally(() => backend.close());
}

async function reportFrom(folder: string): Promise<RunReport> {
  const read = await reportingBadInput(() => readReportFolder(folder));
  const { run, timing } = read.summary;
  if (run.shard) {
    throw new CliError(
      `${folder} holds shard ${run.shard.index}/${run.shard.count} only: merge the shards first (\`stepscore merge\`) and take the baseline from the merged folder`,
      EXIT_USAGE,
    );
  }
  return buildRunReport({ results: read.results, backend: run.backend, levels: run.levels, shard: null, timing });
}
