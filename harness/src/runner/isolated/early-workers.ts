import { BuilderWorker, type BuilderWorkerOptions, type WorkerReady } from './builder-worker.js';
import { builderWorkerOptions, type WorkerSetup } from './worker-setup.js';

export type WorkerStart = Promise<{ readonly worker: BuilderWorker; readonly ready: WorkerReady }>;

/** A worker started early: its start, which a run takes over, and how to stop it whether or not it is ready. */
export interface EarlyWorker {
  readonly start: WorkerStart;
  stop(): Promise<void>;
}

/**
 * Workers started before a run knows its builders, so that their start-up (loading the checks, the SDK and the
 * builders: most of a small run's time) overlaps what the caller still loads. A run started with the same setup
 * takes them over (`earlyWorkers` of runIsolated); the caller stops them when no run does (stopEarlyWorkers).
 */
export interface EarlyWorkers {
  readonly options: BuilderWorkerOptions;
  readonly workers: readonly EarlyWorker[];
}

function startEarlyWorker(options: BuilderWorkerOptions): EarlyWorker {
  const stopping = new AbortController();
  const start = BuilderWorker.start(options, stopping.signal);
  // A start that fails is reported by the run that takes it over; until then it must not count as unhandled.
  start.catch(() => undefined);
  return {
    start,
    stop: async () => {
      stopping.abort();
      await start.then(({ worker }) => worker.terminate(), () => undefined);
    },
  };
}

export function startWorkersEarly(setup: WorkerSetup, count = 1): EarlyWorkers {
  const options = builderWorkerOptions(setup);
  return { options, workers: Array.from({ length: count }, () => startEarlyWorker(options)) };
}

/** Stops every early worker at once, started or still starting (one a run took over and stopped is stopped again, harmlessly). */
export async function stopEarlyWorkers(early: EarlyWorkers | undefined): Promise<void> {
  await Promise.all((early?.workers ?? []).map((worker) => worker.stop()));
}

/**
 * The starts of up to `count` of the early workers, when they were started exactly as this run's would be; the
 * others (or all of them, when started otherwise) are stopped.
 */
export async function takeEarlyWorkers(early: EarlyWorkers | undefined, options: BuilderWorkerOptions, count: number): Promise<WorkerStart[]> {
  if (!early) return [];
  const matches = JSON.stringify(early.options) === JSON.stringify(options);
  const taken = matches ? early.workers.slice(0, count) : [];
  await stopEarlyWorkers({ options: early.options, workers: early.workers.filter((worker) => !taken.includes(worker)) });
  return taken.map((worker) => worker.start);
}
