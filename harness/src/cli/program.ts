import { Command, CommanderError } from 'commander';
import { CliError, type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeLine } from './cli-io.js';
import { errorMessage } from '../error-message.js';
import { registerListCommand } from './commands/list.js';
import { registerMatchCommand } from './commands/match.js';
import { registerRenderCommand } from './commands/render.js';
import { registerBaselineCommand } from './commands/baseline.js';
import { registerMergeCommand } from './commands/merge.js';
import { registerScoreCommand } from './commands/score.js';
import { topLevelExitCodesHelp } from './exit-codes.js';
import { HARNESS_PACKAGE } from '../own-package.js';
import type { LaunchedWorkers } from '../runner/isolated/early-workers.js';

const EXAMPLES = `
Examples:
  $ pnpm stepscore list
  $ pnpm stepscore render PyTorchTraining --input input_path=s3://my-bucket/data
  $ pnpm stepscore render XGBoostTraining --config configs/xgboost.json --json
  $ pnpm stepscore match input_path processed_data --json

${topLevelExitCodesHelp()}`;

/**
 * The `stepscore` program with every command registered, writing through `io`; `launched`: the worker launched
 * for `score` as the process started (early-launch.ts), which the score command takes over.
 */
export function createProgram(io: CliIo, launched?: LaunchedWorkers): Command {
  const program = new Command('stepscore')
    .description(HARNESS_PACKAGE.description)
    .version(HARNESS_PACKAGE.version, '-V, --version', 'print the stepscore version')
    .helpOption('-h, --help', 'show help for a command')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(run stepscore --help for usage)')
    .addHelpText('after', EXAMPLES);

  registerListCommand(program, io);
  registerRenderCommand(program, io);
  registerMatchCommand(program, io);
  registerScoreCommand(program, io, launched);
  registerMergeCommand(program, io);
  registerBaselineCommand(program, io);
  return program;
}

/**
 * Runs the command line `argv` (without node and script) and returns the exit code; never exits itself.
 * `launched` as for createProgram: the caller stops it once this returns.
 */
export async function runCli(argv: readonly string[], io: CliIo, launched?: LaunchedWorkers): Promise<number> {
  try {
    await createProgram(io, launched).parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    if (error instanceof CliError) {
      if (error.message) writeLine(io.stderr, `error: ${error.message}`);
      return error.exitCode;
    }
    writeLine(io.stderr, `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : errorMessage(error)}`);
    return EXIT_FAILURE;
  }
}

/** Commander has already printed its message: help and version asked for exit 0, every usage error 2. */
function commanderExitCode(error: CommanderError): number {
  return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
}
