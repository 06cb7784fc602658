import { type LaunchedWorkers, launchWorkers } from '../runner/isolated/early-workers.js';

/** The backend the command line names (`--backend moto`, `--backend=moto`), if it names one. */
function backendNamed(argv: readonly string[]): string | undefined {
  const at = argv.lastIndexOf('--backend');
  const joined = argv.findLast((arg) => arg.startsWith('--backend='));
  return joined?.slice('--backend='.length) ?? (at >= 0 ? argv[at + 1] : undefined);
}

/**
 * The worker of `stepscore score`, launched as the process starts, before the commands' modules load: its
 * start-up (the checks, the SDK, then the builders) is the longest stretch of a cold score. The score command
 * takes it over; none for any other command, for help, or for a score on moto (its workers need the server's
 * endpoint, known once it runs). The caller stops it after the command, taken over or not.
 */
export function workersLaunchedFor(argv: readonly string[]): LaunchedWorkers | undefined {
  if (argv[0] !== 'score' || argv.includes('--help') || argv.includes('-h')) return undefined;
  return backendNamed(argv) === 'moto' ? undefined : launchWorkers();
}
