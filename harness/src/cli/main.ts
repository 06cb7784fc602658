// `pnpm stepscore <command>`: see program.ts for the commands. `stepscore score` launches its worker first, so
// that the worker's start-up and the loading of the commands' modules here overlap.
import { processIo } from './cli-io.js';
import { workersLaunchedFor } from './early-launch.js';

const argv = process.argv.slice(2);
const launched = workersLaunchedFor(argv);
try {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(argv, processIo(), launched);
} finally {
  await launched?.stop();
}
