import { type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { BuilderResult, CheckResult } from '../../check/check-result.js';
import type { BuilderJob, BuilderSummary, FromWorker, PrerequisiteKind, WorkerStartData } from './messages.js';

export interface BuilderWorkerOptions {
  readonly startData: Omit<WorkerStartData, 'entry'>;
  readonly checkTimeoutMs: number;
  readonly startTimeoutMs: number;
  /** V8 old-generation heap limit of the worker; a builder that exceeds it stops its worker, not the run. */
  readonly heapLimitMb?: number;
}

export interface WorkerReady {
  readonly builders: readonly BuilderSummary[];
  readonly checkIds: readonly string[];
}

/** The builder's own code that was running or awaited when the worker was lost. */
export interface PendingPrerequisite {
  readonly kind: PrerequisiteKind;
  readonly phase: 'running' | 'returned';
}

export type WorkerLoss =
  | { readonly kind: 'timeout'; readonly timeoutMs: number; /** Share of the overrun the worker spent running code, 0–1. */ readonly busy: number }
  | { readonly kind: 'crash'; readonly cause: string };

/** The check that was running (or was next) when the worker was lost. */
export interface LostCheck {
  readonly checkId: string | undefined;
  readonly durationMs: number;
  readonly pending: PendingPrerequisite | undefined;
  readonly loss: WorkerLoss;
}

export type JobOutcome =
  | { readonly kind: 'finished'; readonly result: BuilderResult }
  | { readonly kind: 'lost'; readonly finished: readonly CheckResult[]; readonly lost: LostCheck };

const BOOT_FILE = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker-main.ts', import.meta.url).href;

const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

function describeCrash(error: Error | undefined, exitCode: number): string {
  if (error && (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return `it ran out of memory: ${error.message}`;
  if (error) return `uncaught ${error.name}: ${error.message}`;
  return `process.exit(${exitCode}) was called`;
}

/**
 * One worker thread running builders one at a time, watched from the main thread: a check that overruns the
 * time limit, whether it awaits a promise that never settles or loops synchronously, stops the worker; so does
 * a crash. Either way the job's outcome says which check was running and what the builder's code was doing.
 */
export class BuilderWorker {
  private exitListener?: (error: Error | undefined, exitCode: number) => void;
  private lastError?: Error;
  private stopping = false;

  private constructor(private readonly worker: Worker, private readonly options: BuilderWorkerOptions) {
    worker.on('error', (error) => (this.lastError = error));
    worker.on('exit', (code) => {
      if (!this.stopping) this.exitListener?.(this.lastError, code);
    });
  }

  /** @throws Error when the worker cannot load the registry or the checks, or does not start in time. */
  static start(options: BuilderWorkerOptions): Promise<{ worker: BuilderWorker; ready: WorkerReady }> {
    const worker = new Worker(BOOT_FILE, {
      workerData: { ...options.startData, entry: ENTRY },
      execArgv: [],
      // Every worker loads the AWS SDK, which would print its Node-version notice once per worker.
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true' },
      ...(options.heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb } } : {}),
    });
    const handle = new BuilderWorker(worker, options);
    return new Promise((resolve, reject) => {
      const fail = (message: string) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        void handle.terminate();
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail(`A builder worker did not start within ${options.startTimeoutMs} ms`), options.startTimeoutMs);
      const onMessage = (message: FromWorker) => {
        if (message.type === 'load-failed') fail(`A builder worker could not load what it runs: ${message.message}`);
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        handle.exitListener = undefined;
        resolve({ worker: handle, ready: { builders: message.builders, checkIds: message.checkIds } });
      };
      worker.on('message', onMessage);
      handle.exitListener = (error, code) => fail(`A builder worker stopped while starting: ${describeCrash(error, code)}`);
    });
  }

  /** Runs the job's checks; after a loss the worker is stopped and this handle must not be used again. */
  run(job: BuilderJob): Promise<JobOutcome> {
    const { worker } = this;
    const finished: CheckResult[] = [];
    const pending = new Map<PrerequisiteKind, PendingPrerequisite>();
    let current: { checkId: string | undefined; started: number; loop: EventLoopUtilization } | undefined;
    let timer: NodeJS.Timeout | undefined;

    return new Promise<JobOutcome>((resolve) => {
      const settle = (outcome: JobOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        this.exitListener = undefined;
        resolve(outcome);
      };
      const lose = (loss: WorkerLoss) => {
        const lastPending = [...pending.values()].pop();
        const lost: LostCheck = {
          checkId: current?.checkId ?? job.checkIds[finished.length],
          durationMs: current ? roundMs(performance.now() - current.started) : 0,
          pending: lastPending,
          loss,
        };
        settle({ kind: 'lost', finished, lost });
      };
      // Armed for every stretch of work, checks and the gaps between them; between checks there is no check id.
      const watch = (checkId: string | undefined) => {
        clearTimeout(timer);
        current = { checkId, started: performance.now(), loop: worker.performance.eventLoopUtilization() };
        timer = setTimeout(() => {
          const busy = current ? worker.performance.eventLoopUtilization(current.loop).utilization : 1;
          const loss: WorkerLoss = { kind: 'timeout', timeoutMs: this.options.checkTimeoutMs, busy };
          void this.terminate();
          lose(loss);
        }, this.options.checkTimeoutMs);
      };
      const onMessage = (message: FromWorker) => {
        switch (message.type) {
          case 'check-started':
            watch(message.checkId);
            return;
          case 'check-finished':
            finished.push(message.result);
            watch(undefined);
            return;
          case 'prerequisite':
            if (message.phase === 'settled') pending.delete(message.kind);
            else pending.set(message.kind, { kind: message.kind, phase: message.phase });
            return;
          case 'builder-result':
            settle({ kind: 'finished', result: message.result });
            return;
          default:
            return;
        }
      };
      worker.on('message', onMessage);
      this.exitListener = (error, code) => lose({ kind: 'crash', cause: describeCrash(error, code) });
      watch(undefined);
      worker.postMessage(job);
    });
  }

  async terminate(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }
}
