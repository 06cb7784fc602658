import { BuilderWorker, type BuilderWorkerOptions, type WorkerReady } from './builder-worker.js';
import { builderWorkerOptions, type WorkerSetup } from './worker-setup.js';

export type WorkerStart = Promise<{ readonly worker: BuilderWorker; readonly ready: WorkerReady }>;

/**
 * Workers started before a run knows its builders, so that their start-up (loading the checks, the SDK and the
 * builders: most of a small run's time) overlaps what the caller still loads. A run started with the same setup
 * takes them over (`earlyWorkers` of runIsolated); the caller stops them when no run does (stopEarlyWorkers).
 */
export interface EarlyWorkers {
  readonly options: BuilderWorkerOptions;
  readonly starts: readonly WorkerStart[];
}

export function startWorkersEarly(setup: WorkerSetup, count = 1): EarlyWorkers {
  const options = builderWorkerOptions(setup);
  const starts = Array.from({ length: count }, () => BuilderWorker.start(options));
  // A start that fails is reported by the run that takes it over; until then it must not count as unhandled.
  for (const start of starts) start.catch(() => undefined);
  return { options, starts };
}

/** Stops every early worker (one a run took over and stopped already is stopped again, harmlessly). */
export async function stopEarlyWorkers(early: EarlyWorkers | undefined): Promise<void> {
  if (!early) return;
  await Promise.all(early.starts.map((start) => start.then(({ worker }) => worker.terminate(), () => undefined)));
}

/**
 * Up to `count` of the early workers, when they were started exactly as this run's would be; the others (or
 * all of them, when started otherwise) are stopped.
 */
export async function takeEarlyWorkers(early: EarlyWorkers | undefined, options: BuilderWorkerOptions, count: number): Promise<WorkerStart[]> {
  if (!early) return [];
  const matches = JSON.stringify(early.options) === JSON.stringify(options);
  const taken = matches ? early.starts.slice(0, count) : [];
  const left = early.starts.filter((start) => !taken.includes(start));
  await stopEarlyWorkers({ options: early.options, starts: left });
  return taken;
}
