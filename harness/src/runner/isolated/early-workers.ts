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

/**
 * Workers launched before anything about the run is known: each loads the checks and the SageMaker client at once;
 * `begin` tells them the project's modules (and the rest of the setup) once the config names them.
 */
export interface LaunchedWorkers {
  begin(setup: WorkerSetup): EarlyWorkers;
  /** Stops them, begun or not, started or still starting. */
  stop(): Promise<void>;
}

/** `count` workers launched now (launchWorkers); `heapLimitMb` must be the run's `workerHeapLimitMb`. */
export function launchWorkers(count = 1, heapLimitMb?: number): LaunchedWorkers {
  const launched = Array.from({ length: count }, () => {
    const stopping = new AbortController();
    return { stopping, thread: BuilderWorker.launch(heapLimitMb, stopping.signal) };
  });
  let begun: EarlyWorkers | undefined;
  return {
    begin: (setup) => {
      if (begun) throw new Error('These workers have begun already');
      const options = builderWorkerOptions({ ...setup, ...(heapLimitMb ? { workerHeapLimitMb: heapLimitMb } : {}) });
      begun = { options, workers: launched.map(({ stopping, thread }) => earlyWorker(thread.begin(options), stopping)) };
      return begun;
    },
    stop: async () => {
      if (begun) return stopEarlyWorkers(begun);
      for (const { stopping } of launched) stopping.abort();
    },
  };
}

function earlyWorker(start: WorkerStart, stopping: AbortController): EarlyWorker {
  // A start that fails is reported by the run that takes it over; until then it must not count as unhandled.
  start.catch(() => undefined);
  return {
    start,
    stop: async () => {
      stopping.abort();
      await start.then(
        ({ worker }) => worker.terminate(),
        () => undefined,
      );
    },
  };
}

export function startWorkersEarly(setup: WorkerSetup, count = 1): EarlyWorkers {
  return launchWorkers(count, setup.workerHeapLimitMb).begin(setup);
}

/** The early workers a run took over: from then on the run stops them, or keeps them for the next run (idle-workers.ts). */
const takenOver = new WeakSet<EarlyWorker>();

/** Stops every early worker at once, started or still starting, but for those a run took over. */
export async function stopEarlyWorkers(early: EarlyWorkers | undefined): Promise<void> {
  await Promise.all((early?.workers ?? []).filter((worker) => !takenOver.has(worker)).map((worker) => worker.stop()));
}

/**
 * The starts of up to `count` of the early workers, when they were started exactly as this run's would be; the
 * others (or all of them, when started otherwise) are stopped.
 */
export async function takeEarlyWorkers(early: EarlyWorkers | undefined, options: BuilderWorkerOptions, count: number): Promise<WorkerStart[]> {
  if (!early) return [];
  const matches = JSON.stringify(early.options) === JSON.stringify(options);
  const taken = matches ? early.workers.slice(0, count) : [];
  for (const worker of taken) takenOver.add(worker);
  await stopEarlyWorkers(early);
  return taken.map((worker) => worker.start);
}
