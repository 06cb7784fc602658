// The worker pool is our own, not tinypool's or piscina's. Measured on Node 20 (tinypool 2.2.0, piscina 5.3.2, one
// thread each): both abort a task that loops synchronously (rejected 201-202 ms after an abort at 200 ms), replace
// the thread (next task done 28-35 ms later) and report a heap overrun as ERR_WORKER_OUT_OF_MEMORY, so either could
// enforce a time limit per task. What they cannot do is what this module is for: (1) a task here is one builder's
// checks and the limit is per check, so a lost builder must keep the results of the checks it finished and name the
// one that overran; (2) whether that check was looping or waiting comes from the event-loop use of the very thread
// that ran it, and neither pool tells which thread a task ran on; (3) the next builder is handed over before the
// current one ends, and on a loss only the first is lost, the rest rerun elsewhere, where a pool rejects every task
// queued on the thread; (4) workers start before the builders are known and report, once, the builders and checks
// they loaded. With a pool, (1) and (2) would still need this shared-memory board and a message port per task.
import { Worker } from 'node:worker_threads';
import type { CheckResult } from '../../check/check-result.js';
import type {
  BuilderJob,
  BuilderSummary,
  CheckSummary,
  DeferredWorkerStartData,
  FromWorker,
  PrerequisiteKind,
  StartMessage,
  WorkerCode,
  WorkerModules,
  WorkerStartData,
} from './messages.js';
import { bundledProjectModules } from './project-bundle.js';
import { sourceWorkerBundle, type WorkerBundle } from './source-bundle.js';
import { tuneV8ForBuilderWorkers } from './v8-tuning.js';
import { type ProgressBuffers, createProgressBuffers, monotonicMs, type ProgressSnapshot, ProgressReader, type StretchStart } from './progress-board.js';

export interface BuilderWorkerOptions {
  readonly startData: Omit<WorkerStartData, keyof WorkerCode | 'progress'>;
  readonly checkTimeoutMs: number;
  readonly startTimeoutMs: number;
  /** V8 old-generation heap limit of the worker; a builder that exceeds it stops its worker, not the run. */
  readonly heapLimitMb?: number;
}

export interface WorkerReady {
  readonly builders: readonly BuilderSummary[];
  /** Every check the worker loaded, in order. */
  readonly checks: readonly CheckSummary[];
}

/** The builder's own code that was running or awaited when the worker was lost. */
export interface PendingPrerequisite {
  readonly kind: PrerequisiteKind;
  readonly phase: 'running' | 'returned';
}

export type WorkerLoss =
  | { readonly kind: 'timeout'; readonly timeoutMs: number /** Share of the overrun the worker spent running code, 0–1. */; readonly busy: number }
  | { readonly kind: 'crash'; readonly cause: string };

/** The check that was running (or was next) when the worker was lost. */
export interface LostCheck {
  readonly checkId: string | undefined;
  readonly durationMs: number;
  readonly pending: PendingPrerequisite | undefined;
  readonly loss: WorkerLoss;
}

export type JobOutcome =
  | { readonly kind: 'finished'; readonly checks: readonly CheckResult[] }
  | { readonly kind: 'lost'; readonly finished: readonly CheckResult[]; readonly lost: LostCheck }
  /** The worker was lost before it took this job up (another job lost it): run the job elsewhere, as it was. */
  | { readonly kind: 'not-run' };

/** A job as the caller gives it; the worker handle numbers it and notes when it was handed over. */
export type JobRequest = Omit<BuilderJob, 'job' | 'handedOver'>;

// Compiled, worker-main.js is plain JavaScript and starts the worker itself. Run from TypeScript source, a worker
// runs the sources bundled (source-bundle.ts) the same way, or, when they cannot be, registers tsx (worker-boot.mjs)
// and imports worker-main.ts.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function workerCode(): { readonly boot: URL; readonly code: WorkerCode; readonly bundle?: WorkerBundle } {
  if (!FROM_SOURCE) {
    const entry = new URL('./worker-main.js', import.meta.url);
    return { boot: entry, code: { entry: entry.href } };
  }
  const bundle = sourceWorkerBundle();
  if (bundle) {
    const resolveHook = new URL('./bundled-packages-hook.mjs', import.meta.url).href;
    return { boot: new URL(bundle.entry), code: { entry: bundle.entry, bundled: { packages: bundle.packages, resolveHook } }, bundle };
  }
  return { boot: new URL('./worker-boot.mjs', import.meta.url), code: { entry: new URL('./worker-main.ts', import.meta.url).href } };
}

type WorkerCodeFiles = ReturnType<typeof workerCode>;

/** The start data with the project's modules bundled, when the worker runs a bundle they can join. */
async function withBundledModules<T extends WorkerModules>(startData: T, { bundle }: WorkerCodeFiles): Promise<T & Pick<WorkerStartData, 'bundledModules'>> {
  if (!bundle) return startData;
  const { registryModule, checksModule, extraChecksModules = [], upstreamModules = [], catalogueModule } = startData;
  const modules = [registryModule, checksModule, ...extraChecksModules, ...upstreamModules, catalogueModule].filter((m): m is string => m !== undefined);
  const bundledModules = await bundledProjectModules(modules, bundle);
  return bundledModules ? { ...startData, bundledModules } : startData;
}

const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * A builder's checks make many short-lived objects (a config parse per scenario and per invalid probe, a request per
 * scenario): with four times Node's default young generation (48 MB) fewer of them live long enough to be copied
 * and promoted. Twice the default took about a twentieth off a run's CPU time, for some 30 MB more per worker; four
 * times, 2 % more in paired runs at N=1000 (BENCHMARKS.md), for some 45 MB more per worker (RSS 610 → 700 MB with
 * two workers). At eight times the RSS passed 840 MB for no steady gain.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

function workerThread(
  data: Omit<WorkerStartData, keyof WorkerCode> | Omit<DeferredWorkerStartData, keyof WorkerCode>,
  { boot, code }: WorkerCodeFiles,
  heapLimitMb: number | undefined,
): Worker {
  tuneV8ForBuilderWorkers();
  return new Worker(boot, {
    workerData: { ...data, ...code } satisfies WorkerStartData | DeferredWorkerStartData,
    execArgv: [],
    // Every worker loads the AWS SDK, which would print its Node-version notice once per worker.
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true' },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(heapLimitMb ? { maxOldGenerationSizeMb: heapLimitMb } : {}) },
  });
}

/** A job handed to the worker whose outcome is not known yet. */
interface OutstandingJob {
  readonly job: number;
  readonly request: JobRequest;
  readonly handedOver: StretchStart;
  /** Results the worker posted because shared memory could not hold them, by check index. */
  readonly posted: Map<number, CheckResult>;
  readonly settle: (outcome: () => JobOutcome) => void;
}

const later = (a: StretchStart, b: StretchStart): StretchStart => (b.startMs > a.startMs ? b : a);

function describeCrash(error: Error | undefined, exitCode: number): string {
  if (error && (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return `it ran out of memory: ${error.message}`;
  if (error) return `uncaught ${error.name}: ${error.message}`;
  return `process.exit(${exitCode}) was called`;
}

/**
 * One worker thread running builders one at a time, watched from the main thread: a check that overruns the
 * time limit, whether it awaits a promise that never settles or loops synchronously, stops the worker; so does
 * a crash. Either way the job's outcome says which check was running and what the builder's code was doing.
 * The worker records its progress in shared memory; one timer reads it when the time limit of the stretch of
 * work it last saw comes due, and sets itself again for the stretch running now. A caller may hand over the
 * next job before the current one is done: the worker takes it up as soon as it is free.
 */

export class BuilderWorker {
  private exitListener?: (error: Error | undefined, exitCode: number) => void;
  private lastError?: Error;
  private stopping = false;
  private isLost = false;
  private jobs = 0;
  /** In the order handed over, which is the order the worker runs them. */
  private readonly outstanding: OutstandingJob[] = [];
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly options: BuilderWorkerOptions,
    private readonly progress: ProgressReader,
  ) {
    worker.on('error', (error) => (this.lastError = error));
    worker.on('exit', (code) => {
      if (!this.stopping) this.exitListener?.(this.lastError, code);
    });
  }

  /**
   * @param stopWhenAborted stops the worker while it starts (the promise then rejects); no effect once it is ready.
   * @throws Error when the worker cannot load the registry or the checks, or does not start in time.
   */
  static async start(options: BuilderWorkerOptions, stopWhenAborted?: AbortSignal): Promise<{ worker: BuilderWorker; ready: WorkerReady }> {
    const progress = createProgressBuffers();
    const code = workerCode();
    const worker = workerThread({ ...(await withBundledModules(options.startData, code)), progress }, code, options.heapLimitMb);
    return BuilderWorker.handshake(worker, progress, options, stopWhenAborted);
  }

  /**
   * Launches a worker before what it runs is known: it loads the checks at once, and `begin` tells it the rest
   * (`options.heapLimitMb` must be `heapLimitMb`). Aborting `stopWhenAborted` stops it, before begin or during
   * its start.
   */
  static launch(
    heapLimitMb: number | undefined,
    stopWhenAborted: AbortSignal,
  ): { begin(options: BuilderWorkerOptions): Promise<{ worker: BuilderWorker; ready: WorkerReady }> } {
    const progress = createProgressBuffers();
    const code = workerCode();
    const worker = workerThread({ deferred: true, progress }, code, heapLimitMb);
    let lastError: Error | undefined;
    let exitCode: number | undefined;
    worker.on('error', (error) => (lastError = error));
    worker.once('exit', (code) => (exitCode = code));
    const stop = () => void worker.terminate();
    stopWhenAborted.addEventListener('abort', stop, { once: true });
    return {
      begin: async (options) => {
        // Until the project's modules are bundled, an abort still stops the worker.
        const startData = await withBundledModules(options.startData, code);
        stopWhenAborted.removeEventListener('abort', stop);
        if (stopWhenAborted.aborted || exitCode !== undefined) {
          void worker.terminate();
          return Promise.reject(
            new Error(`A builder worker stopped while starting: ${exitCode === undefined ? 'it was no longer needed' : describeCrash(lastError, exitCode)}`),
          );
        }
        worker.postMessage({ type: 'start', startData } satisfies StartMessage);
        return BuilderWorker.handshake(worker, progress, options, stopWhenAborted);
      },
    };
  }

  /** Waits for the worker's `ready`, its load failure, its crash, the start time limit or the abort, whichever comes first. */
  private static handshake(
    worker: Worker,
    progress: ProgressBuffers,
    options: BuilderWorkerOptions,
    stopWhenAborted: AbortSignal | undefined,
  ): Promise<{ worker: BuilderWorker; ready: WorkerReady }> {
    const handle = new BuilderWorker(worker, options, new ProgressReader(progress));
    return new Promise((resolve, reject) => {
      const fail = (message: string) => {
        clearTimeout(timer);
        stopWhenAborted?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        void handle.terminate();
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail(`A builder worker did not start within ${options.startTimeoutMs} ms`), options.startTimeoutMs);
      const onMessage = (message: FromWorker) => {
        if (message.type === 'load-failed') fail(`A builder worker could not load what it runs: ${message.message}`);
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        stopWhenAborted?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.on('message', (m: FromWorker) => handle.onMessage(m));
        handle.exitListener = (error, code) => handle.lose({ kind: 'crash', cause: describeCrash(error, code) }, handle.progress.read());
        resolve({ worker: handle, ready: { builders: message.builders, checks: message.checks } });
      };
      const onAbort = () => fail('A builder worker was stopped while starting: it was no longer needed');
      worker.on('message', onMessage);
      handle.exitListener = (error, code) => fail(`A builder worker stopped while starting: ${describeCrash(error, code)}`);
      if (stopWhenAborted?.aborted) onAbort();
      else stopWhenAborted?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * What tells workers started with these options apart, for a later run to take them over (idle-workers.ts): the
   * worker's code, the project's modules as bundled now (their folder is named after the files' contents), the options
   * and the environment a new worker would get. Undefined when the project's modules are not bundled: a worker that
   * imported them as they were could not tell that they changed since.
   */
  static async reuseKey(options: BuilderWorkerOptions): Promise<string | undefined> {
    const code = workerCode();
    const startData = await withBundledModules(options.startData, code);
    if (!startData.bundledModules) return undefined;
    return JSON.stringify({ entry: code.code.entry, options: { ...options, startData }, env: process.env });
  }

  /** Lets this worker keep the process alive, or not (while it waits for a next run that may never come). */
  keepProcessAlive(keep: boolean): void {
    if (keep) this.worker.ref();
    else this.worker.unref();
  }

  /** True once a time limit or a crash stopped the worker; its jobs not yet taken up come back 'not-run'. */
  get lost(): boolean {
    return this.isLost;
  }

  /** True once the worker was stopped (terminate), whether or not it was lost. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Hands a job over; it runs after the jobs handed over before it. */
  run(request: JobRequest): Promise<JobOutcome> {
    if (this.isLost) return Promise.resolve({ kind: 'not-run' });
    const job = ++this.jobs;
    const handedOver: StretchStart = { startMs: monotonicMs(), activeMs: this.worker.performance.eventLoopUtilization().active };
    return new Promise<JobOutcome>((resolve, reject) => {
      const settle = (outcome: () => JobOutcome) => {
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      };
      this.outstanding.push({ job, request, handedOver, posted: new Map(), settle });
      if (this.outstanding.length === 1) this.watchIn(this.options.checkTimeoutMs);
      this.worker.postMessage({ ...request, type: 'run-builder', job, handedOver } satisfies BuilderJob);
    });
  }

  async terminate(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.worker.terminate();
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'check-finished') {
      this.outstanding.find((o) => o.job === message.job)?.posted.set(message.index, message.result);
      return;
    }
    if (message.type !== 'job-finished') return;
    // The worker runs its jobs in order: the one finished is the first still outstanding.
    const first = this.outstanding[0];
    if (first?.job !== message.job) return;
    this.outstanding.shift();
    if (this.outstanding.length === 0) clearTimeout(this.timer);
    first.settle(() => ({ kind: 'finished', checks: message.checks }));
  }

  /**
   * The stretch of work the time limit applies to: the first outstanding job's current check or gap when the
   * worker runs it; when the worker has not taken it up yet, since it was handed over or since the worker's
   * previous job finished its last check, whichever came later.
   */
  private stretchOf(first: OutstandingJob, snapshot: ProgressSnapshot): StretchStart {
    return snapshot.job === first.job ? snapshot.stretch : later(first.handedOver, snapshot.stretch);
  }

  private watchIn(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.watch(), Math.max(1, Math.ceil(delayMs)));
  }

  private watch(): void {
    const first = this.outstanding[0];
    if (!first || this.isLost) return;
    const snapshot = this.progress.read();
    // The worker finished the first job and took up the next: the first one's result is on its way.
    if (snapshot.job > first.job) {
      this.watchIn(1);
      return;
    }
    const stretch = this.stretchOf(first, snapshot);
    const timeoutMs = this.options.checkTimeoutMs;
    const elapsedMs = monotonicMs() - stretch.startMs;
    if (elapsedMs < timeoutMs) {
      this.watchIn(timeoutMs - elapsedMs);
      return;
    }
    const activeMs = this.worker.performance.eventLoopUtilization().active - stretch.activeMs;
    const busy = Math.min(1, Math.max(0, activeMs / elapsedMs));
    void this.terminate();
    this.lose({ kind: 'timeout', timeoutMs, busy }, snapshot);
  }

  /** The first outstanding job is lost where the board shows it was; the jobs after it were never taken up. */
  private lose(loss: WorkerLoss, snapshot: ProgressSnapshot): void {
    this.isLost = true;
    this.exitListener = undefined;
    clearTimeout(this.timer);
    const [first, ...untouched] = this.outstanding.splice(0);
    for (const job of untouched) job.settle(() => ({ kind: 'not-run' }));
    if (!first) return;
    first.settle(() => {
      if (snapshot.job > first.job) throw new Error(`A builder worker was lost after finishing job ${first.job}, whose result did not arrive`);
      const running = snapshot.job === first.job;
      const finished = running ? this.progress.results(snapshot, first.posted) : [];
      const lost: LostCheck = {
        checkId: first.request.checkIds[finished.length],
        durationMs: roundMs(monotonicMs() - this.stretchOf(first, snapshot).startMs),
        pending: running ? snapshot.pending : undefined,
        loss,
      };
      return { kind: 'lost', finished, lost };
    });
  }
}
