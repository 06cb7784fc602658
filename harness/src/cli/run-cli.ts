import type { CliIo } from './cli-io.js';

/**
 * runCli of program.ts, whose commands load when it is called: a config or a builder that imports `stepscore`
 * for defineConfig or a builder base (in the main thread and in every worker) does not load the CLI with it.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = await import('./program.js');
  return program.runCli(argv, io);
}
