import { UnknownBuilderError } from '@stepscore/step-builder';
import type { CheckDefinition, Level } from '../../check/check-definition.js';
import type { BuilderResult, CheckResult } from '../../check/check-result.js';
import { backendName } from './backend-descriptor.js';
import { BuilderWorker, type JobOutcome, type JobRequest, type WorkerReady } from './builder-worker.js';
import { type EarlyWorkers, stopEarlyWorkers, takeEarlyWorkers } from './early-workers.js';
import { parkIdleWorker, takeIdleWorkers } from './idle-workers.js';
import { reportLostCheck } from './lost-check.js';
import type { BuilderSummary, CheckSummary, KnownFailures } from './messages.js';
import { workerCount } from './worker-count.js';
import { builderWorkerOptions, type WorkerSetup } from './worker-setup.js';

export { DEFAULT_WORKER_START_TIMEOUT_MS } from './worker-setup.js';

export interface IsolatedRunOptions extends WorkerSetup {
  /**
   * The checks to run, in order; each worker takes the checks with these ids from `checksModule` (the built-in
   * checks when absent). When absent, every check the workers load (`checksModule`'s or the built-in ones, then
   * `extraChecksModules`'), so that the caller need not
   * load the checks itself.
   */
  readonly checks?: readonly CheckDefinition[];
  /** Only these levels run; all four when absent. */
  readonly levels?: readonly Level[];
  /** Number of workers at most; when absent, as many as the builders pay for (workerCount). */
  readonly concurrency?: number;
  /** Raw config per builder name, for builders that should not use their default config. */
  readonly rawConfigs?: Readonly<Record<string, unknown>>;
  /** Workers the caller started with the same setup before it knew the builders (startWorkersEarly): used first. */
  readonly earlyWorkers?: EarlyWorkers;
}

/** A job handed to a worker, and what became of it. */
interface Attempt {
  readonly on: BuilderWorker;
  readonly outcome: Promise<JobOutcome>;
}

/** The builders as the workers' registry names them (lookup is exact, then case-insensitive, as the registry's). */
function summariesFor(names: readonly string[], ready: WorkerReady, registryModule: string): BuilderSummary[] {
  return names.map((name) => {
    const found = ready.builders.find((b) => b.builder === name) ?? ready.builders.find((b) => b.builder.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const error = new UnknownBuilderError(
      name,
      ready.builders.map((b) => b.builder),
    );
    error.message += ` (worker isolation loads builders from ${registryModule})`;
    throw error;
  });
}

function assertChecksLoadable(checks: readonly Pick<CheckDefinition, 'id'>[], ready: WorkerReady, checksModule: string | undefined): void {
  const loaded = new Set(ready.checks.map((c) => c.id));
  const missing = checks.filter((c) => !loaded.has(c.id)).map((c) => c.id);
  if (missing.length > 0) {
    throw new Error(
      `Checks ${missing.join(', ')} are not in ${checksModule ?? 'the built-in checks'}: workers load their checks from there, so give the module that exports them as checksModule or run with isolation 'in-process'`,
    );
  }
}

/**
 * Runs each builder in a worker thread, several workers at once; results come back in the order the builders
 * were given, shaped as the in-process runner's. A check that overruns its time limit or takes its worker
 * down errors with what happened; a new worker runs that builder's remaining checks (constructing the builder
 * again: its first construction died with the old worker), and no other builder's results change. Workers that
 * finish their jobs wait a few seconds for a next run started exactly as this one (idle-workers.ts), which takes
 * them over: each job starts from the globals and environment the worker loaded with, as every builder of a run does.
 */
export async function runIsolated(builders: readonly string[], options: IsolatedRunOptions): Promise<BuilderResult[]> {
  if (builders.length === 0) {
    await stopEarlyWorkers(options.earlyWorkers);
    return [];
  }
  const workerOptions = builderWorkerOptions(options);
  const modules = workerOptions.startData;
  const backend = modules.backend;
  const inLevels = (check: Pick<CheckDefinition, 'level'>) => !options.levels || options.levels.includes(check.level);

  const size = workerCount(builders.length, options.concurrency);
  const reuseKey = await BuilderWorker.reuseKey(workerOptions);
  const idle = reuseKey === undefined ? [] : takeIdleWorkers(reuseKey, size);
  const early = await takeEarlyWorkers(options.earlyWorkers, workerOptions, size - idle.length);
  const fresh = Array.from({ length: size - idle.length - early.length }, () => BuilderWorker.start(workerOptions));
  const starts = await Promise.allSettled([...idle.map((worker) => Promise.resolve(worker)), ...early, ...fresh]);
  const workers = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const startFailure = starts.find((s) => s.status === 'rejected');
  let summaries: BuilderSummary[];
  let loadedChecks: ReadonlyMap<string, CheckSummary>;
  let checkIds: readonly string[];
  let ready: WorkerReady;
  try {
    if (startFailure) throw startFailure.reason;
    ({ ready } = workers[0]!);
    summaries = summariesFor(builders, ready, modules.registryModule);
    if (options.checks) assertChecksLoadable(options.checks, ready, modules.checksModule);
    loadedChecks = new Map(ready.checks.map((c) => [c.id, c]));
    checkIds = (options.checks ?? ready.checks).filter(inLevels).map((c) => c.id);
  } catch (error) {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw error;
  }

  const firstRequest = (builder: string): JobRequest => ({
    type: 'run-builder',
    builder,
    checkIds,
    rawConfig: options.rawConfigs?.[builder],
    knownFailures: {},
  });

  /**
   * Runs one builder to its end: its first attempt already handed over (`firstAttempt`), or on the worker given
   * (a new one when it has none); after a loss, on a new worker, with what the loss revealed.
   */
  async function runOne(
    summary: BuilderSummary,
    worker: BuilderWorker | undefined,
    firstAttempt?: Attempt,
  ): Promise<{ result: BuilderResult; worker?: BuilderWorker }> {
    const { builder } = summary;
    const checks: CheckResult[] = [];
    const knownFailures: KnownFailures = {};
    let remaining = checkIds;
    let attempt = firstAttempt;
    while (remaining.length > 0) {
      if (!attempt) {
        if (worker?.lost) worker = undefined;
        worker ??= (await BuilderWorker.start(workerOptions)).worker;
        attempt = {
          on: worker,
          outcome: worker.run({ type: 'run-builder', builder, checkIds: remaining, rawConfig: options.rawConfigs?.[builder], knownFailures }),
        };
      }
      const outcome = await attempt.outcome;
      const ranOn = attempt.on;
      attempt = undefined;
      if (outcome.kind === 'finished') {
        checks.push(...outcome.checks);
        break;
      }
      // Handed over to a worker another builder lost before this one started: nothing ran, run it again.
      if (outcome.kind === 'not-run') continue;
      if (worker === ranOn) worker = undefined;
      checks.push(...outcome.finished);
      const { checkId } = outcome.lost;
      const check = checkId === undefined ? undefined : loadedChecks.get(checkId);
      const report = reportLostCheck(builder, check, outcome.lost, check?.importanceByStepType[summary.stepType]);
      if (report.result) checks.push(report.result);
      if (report.rootCause) knownFailures[report.rootCause.kind] = report.rootCause.cause;
      const done = new Set(checks.map((c) => c.id));
      remaining = remaining.filter((id) => !done.has(id));
    }
    return { result: { ...summary, backend: backendName(backend), checks }, ...(worker && !worker.lost ? { worker } : {}) };
  }

  const results: BuilderResult[] = new Array(builders.length);
  const queue = summaries.map((summary, index) => ({ summary, index }));
  let failed = false;
  async function drain(first: BuilderWorker): Promise<void> {
    let worker: BuilderWorker | undefined = first;
    try {
      let job = queue.shift();
      let attempt: Attempt | undefined = job && { on: first, outcome: first.run(firstRequest(job.summary.builder)) };
      while (job && !failed) {
        // The worker gets the next builder while it runs this one, so that it never waits for the main thread.
        const next = queue.shift();
        const nextAttempt: Attempt | undefined =
          next && worker && attempt?.on === worker && !worker.lost ? { on: worker, outcome: worker.run(firstRequest(next.summary.builder)) } : undefined;
        const ran = await runOne(job.summary, worker, attempt);
        results[job.index] = ran.result;
        worker = ran.worker;
        job = next;
        attempt = nextAttempt;
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // A worker that finished every job it was given waits for a next run started as this one was. It keeps the
      // first worker's `ready`: every worker started with these options loads the same modules and reports the same.
      if (worker && !worker.lost && !failed && reuseKey !== undefined) parkIdleWorker(reuseKey, worker, ready);
      else await worker?.terminate();
    }
  }
  const drained = await Promise.allSettled(workers.map((w) => drain(w.worker)));
  const failure = drained.find((d) => d.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}
