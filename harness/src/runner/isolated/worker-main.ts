// The builder worker: loads the registry, the checks and the backend from the modules it was given, then runs
// one builder at a time with the in-process runner, recording what it is doing as it goes where the main
// thread can read it (progress-board.ts), and sending one message per builder, with its results, when done.
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckDefinition } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { type IndexedCatalogue, toIndexedCatalogue } from '../../catalogue/indexed-catalogue.js';
import { upstreamCatalogue } from '../../catalogue/upstream-catalogue.js';
import { importModule, loadBundledModulesFrom, prepareTypeScript, resolveOurPackagesTo } from '../../project-config/module-loader.js';
import { checksFromModule, registryFromModule } from '../../project-config/registry-from-module.js';
import { upstreamFromModule, withUpstream } from '../../project-config/upstream-from-module.js';
import { checkImportance } from '../../profiles/index.js';
import { runBuilder } from '../run-builder.js';
import { backendFactoryFor, backendName } from './backend-descriptor.js';
import { cloneable } from './cloneable.js';
import { type GlobalStateSnapshot, snapshotGlobalState } from './global-state.js';
import type { BuilderJob, CheckSummary, DeferredWorkerStartData, FromWorker, StartMessage, ToWorker, WorkerCode, WorkerStartData } from './messages.js';
import { ObservedCheckContext } from './observed-check-context.js';
import { activeMs, monotonicMs, ProgressWriter, type StretchStart } from './progress-board.js';

/** The main thread keeps the time limit (it can stop a synchronous loop, the worker cannot): no timer here. */
const NO_WORKER_SIDE_LIMIT_MS = Number.POSITIVE_INFINITY;

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs inside a builder worker only');
const { bundled } = workerData as WorkerCode;
if (bundled) resolveOurPackagesTo(bundled);
/** The built-in checks: the ones a worker runs unless it is given a checks module. */
async function builtInChecks(): Promise<readonly CheckDefinition[]> {
  return (await import('../../checks/index.js')).ALL_CHECKS;
}

/**
 * What this worker runs: its workerData, or, when it was launched before its project was known, what the main
 * thread sends once it knows. The built-in checks, the mock backend and what loading a TypeScript project
 * takes (a project's config is TypeScript as a rule) load while it waits.
 */
async function startData(): Promise<WorkerStartData> {
  const data = workerData as WorkerStartData | DeferredWorkerStartData;
  if (!('deferred' in data)) return data;
  const [message] = await Promise.all([
    new Promise<StartMessage>((resolve) => port!.once('message', resolve)),
    builtInChecks(),
    import('../../backends/mock-backend.js'),
    // Running the bundled sources, the project's modules come bundled as a rule: tsx is loaded only if they do not.
    data.bundled ? undefined : prepareTypeScript(),
  ]);
  return { ...message.startData, entry: data.entry, ...(data.bundled ? { bundled: data.bundled } : {}), progress: data.progress };
}

const start = await startData();
if (start.bundledModules) loadBundledModulesFrom(start.bundledModules);
const progressWriter = new ProgressWriter(start.progress);

function post(message: FromWorker): void {
  try {
    port!.postMessage(message);
  } catch {
    port!.postMessage(cloneable(message));
  }
}

async function loadExport(moduleUrl: string, exportName: string, what: string): Promise<unknown> {
  const loaded = await importModule(moduleUrl);
  if (!(exportName in loaded)) throw new Error(`${moduleUrl} has no export '${exportName}' (expected the ${what})`);
  return loaded[exportName];
}

async function loadChecks(): Promise<CheckDefinition[]> {
  const { checksModule, checksExport = 'ALL_CHECKS' } = start;
  const checks = checksModule ? ((await loadExport(checksModule, checksExport, 'list of checks')) as readonly CheckDefinition[]) : await builtInChecks();
  if (!Array.isArray(checks)) throw new Error(`${checksModule}'s export '${checksExport}' is not a list of checks`);
  const extra = await Promise.all((start.extraChecksModules ?? []).map(async (file) => checksFromModule(await importModule(file), file)));
  return [...checks, ...extra.flat()];
}

async function loadCatalogue(): Promise<IndexedCatalogue | undefined> {
  const base = start.catalogueModule ? await loadExport(start.catalogueModule, start.catalogueExport ?? 'upstreamCatalogue', 'upstream catalogue') : undefined;
  const extras = await Promise.all((start.upstreamModules ?? []).map(async (file) => upstreamFromModule(await importModule(file), file)));
  if (extras.length === 0) return base === undefined ? undefined : toIndexedCatalogue(base);
  const baseCatalogue = base === undefined ? upstreamCatalogue : toIndexedCatalogue(base).catalogue;
  return toIndexedCatalogue(withUpstream(baseCatalogue, extras));
}

async function load() {
  // Our own compiled modules first: once a TypeScript module (the registry, as a rule) has registered tsx, every
  // later import goes through its loader thread, which costs about a millisecond a module.
  const checks = await loadChecks();
  const backendFactory = await backendFactoryFor(start.backend);
  const registry = registryFromModule(await importModule(start.registryModule), start.registryModule, start.registryExport);
  // Indexed once per worker, for every builder it runs.
  const catalogue = await loadCatalogue();
  return { registry, checks: new Map(checks.map((c) => [c.id, c])), backendFactory, ...(catalogue ? { catalogue } : {}) };
}

/** The loaded checks as data, with their importance for each step type the registry holds. */
function checkSummaries(checks: Iterable<CheckDefinition>, stepTypes: readonly string[]): CheckSummary[] {
  return [...checks].map((check) => ({
    id: check.id,
    level: check.level,
    title: check.title,
    severity: check.severity,
    importanceByStepType: Object.fromEntries(stepTypes.map((stepType) => [stepType, checkImportance(stepType, check)])),
  }));
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** When the worker became free for its next job: the later of this and the job's handover starts its time limit. */
let freeSince: StretchStart = { startMs: monotonicMs(), activeMs: activeMs() };

async function runJob(job: BuilderJob, { registry, checks, backendFactory, catalogue }: Loaded, globals: GlobalStateSnapshot): Promise<void> {
  const progress = progressWriter.startJob(job.job, job.handedOver.startMs > freeSince.startMs ? job.handedOver : freeSince);
  try {
    const registration = registry.get(job.builder);
    const result = await runBuilder(registration, registry, {
      checks: job.checkIds.map((id) => checks.get(id) as CheckDefinition),
      backendName: backendName(start.backend),
      backendFactory,
      rawConfig: job.rawConfig,
      checkTimeoutMs: NO_WORKER_SIDE_LIMIT_MS,
      ...(catalogue ? { catalogue } : {}),
      createContext: (options) =>
        new ObservedCheckContext({ ...options, onGatheringStep: () => progress.checkStarted() }, job.knownFailures, (kind, phase) =>
          progress.prerequisite(kind, phase),
        ),
      onCheckStarted: () => progress.checkStarted(),
      onCheckFinished: (result) => {
        // Kept where the main thread can read it if this worker is lost before the job is done.
        const { index, mustPost } = progress.checkFinished(result);
        if (mustPost) post({ type: 'check-finished', job: job.job, index, result });
      },
    });
    post({ type: 'job-finished', job: job.job, checks: result.checks });
  } finally {
    globals.restore();
    freeSince = { startMs: monotonicMs(), activeMs: activeMs() };
  }
}

/** The main thread may hand over the next job while one runs: they run one at a time, in order. */
function jobRunner(loaded: Loaded, globals: GlobalStateSnapshot): (job: BuilderJob) => void {
  const waiting: BuilderJob[] = [];
  let running = false;
  return (job) => {
    waiting.push(job);
    if (running) return;
    running = true;
    void (async () => {
      for (let next = waiting.shift(); next; next = waiting.shift()) await runJob(next, loaded, globals);
      running = false;
    })();
  };
}

try {
  const loaded = await load();
  const builders = loaded.registry.all().map((r) => ({ builder: r.stepName, stepType: r.stepType, framework: r.framework }));
  // Every builder starts from the environment and globals as they are now, with everything loaded.
  const globals = snapshotGlobalState();
  const stepTypes = [...new Set(builders.map((b) => b.stepType))];
  post({ type: 'ready', builders, checks: checkSummaries(loaded.checks.values(), stepTypes) });
  port.on('message', jobRunner(loaded, globals) satisfies (job: ToWorker) => void);
} catch (error) {
  // The main thread stops this worker and the run: nothing can run without the registry and the checks.
  post({ type: 'load-failed', message: errorMessage(error) });
}
