import type { BuilderWorker, WorkerReady } from './builder-worker.js';

/**
 * How long the workers of a finished run wait for the next run started exactly as theirs was. A process that scores
 * again (a test file's runs, a script that calls runCatalogue more than once) then skips their start-up (some 0.3 s
 * of CPU each, and a cold first builder); one that does not exits at once: a waiting worker does not keep it alive.
 */
export const IDLE_WORKER_WAIT_MS = 10_000;
/** The most recently finished runs' workers wait, this many at most: each holds its heap. */
export const MAX_IDLE_WORKERS = 4;

interface IdleWorker {
  readonly key: string;
  readonly worker: BuilderWorker;
  readonly ready: WorkerReady;
  readonly timer: NodeJS.Timeout;
}

const idle: IdleWorker[] = [];

function stop(entry: IdleWorker): Promise<void> {
  clearTimeout(entry.timer);
  return entry.worker.terminate();
}

/**
 * Keeps a worker that finished its jobs for a run whose workers would have `key` (BuilderWorker.reuseKey); it
 * stops after IDLE_WORKER_WAIT_MS, or when MAX_IDLE_WORKERS more recent ones wait.
 */
export function parkIdleWorker(key: string, worker: BuilderWorker, ready: WorkerReady): void {
  const timer = setTimeout(() => {
    const at = idle.indexOf(entry);
    if (at >= 0) void stop(idle.splice(at, 1)[0]!);
  }, IDLE_WORKER_WAIT_MS);
  timer.unref();
  const entry: IdleWorker = { key, worker, ready, timer };
  worker.keepProcessAlive(false);
  idle.push(entry);
  for (const oldest of idle.splice(0, Math.max(0, idle.length - MAX_IDLE_WORKERS))) void stop(oldest);
}

/** Up to `count` waiting workers with `key`, the most recently parked first; one lost or stopped while it waited is let go. */
export function takeIdleWorkers(key: string, count: number): { worker: BuilderWorker; ready: WorkerReady }[] {
  const taken: { worker: BuilderWorker; ready: WorkerReady }[] = [];
  for (let at = idle.length - 1; at >= 0 && taken.length < count; at--) {
    const entry = idle[at]!;
    if (entry.key !== key) continue;
    idle.splice(at, 1);
    if (entry.worker.lost || entry.worker.stopped) {
      void stop(entry);
      continue;
    }
    clearTimeout(entry.timer);
    entry.worker.keepProcessAlive(true);
    taken.push({ worker: entry.worker, ready: entry.ready });
  }
  return taken;
}

/** Whether any finished run's workers wait (for a caller deciding whether to start workers ahead of its run). */
export function idleWorkersWaiting(): boolean {
  return idle.length > 0;
}

/** Stops every waiting worker now. */
export async function stopIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map(stop));
}
