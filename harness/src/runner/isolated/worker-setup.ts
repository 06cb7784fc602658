import { toUrl } from '../../project-config/module-loader.js';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../run-check.js';
import { type BackendDescriptor, MOCK_BACKEND } from './backend-descriptor.js';
import type { BuilderWorkerOptions } from './builder-worker.js';
import type { WorkerModules } from './messages.js';

/** A worker loads the registry, the SDK and the checks (about a second); a hung one should not hang the run. */
export const DEFAULT_WORKER_START_TIMEOUT_MS = 60_000;

/** What every worker of a run is started with: where it loads things from, its backend and its limits. */
export interface WorkerSetup extends Partial<Omit<WorkerModules, 'registryModule'>> {
  /** The module that exports the builders (a loaded project's `modules.registryModule`). */
  readonly registryModule: string;
  /** Time limit of each check, synchronous loops included; DEFAULT_CHECK_TIMEOUT_MS (5000) when absent. */
  readonly checkTimeoutMs?: number;
  /** The Integration backend each worker makes for itself; the in-process mock when absent. */
  readonly backend?: BackendDescriptor;
  readonly workerStartTimeoutMs?: number;
  /** Heap limit of each worker in MB; Node's default when absent. */
  readonly workerHeapLimitMb?: number;
}

/** The options every BuilderWorker of a run with this setup starts with (plain data). */
export function builderWorkerOptions(setup: WorkerSetup): BuilderWorkerOptions {
  const modules: WorkerModules = {
    registryModule: toUrl(setup.registryModule),
    ...(setup.registryExport ? { registryExport: setup.registryExport } : {}),
    // Without a checks module the worker runs the built-in checks, which it imports itself.
    ...(setup.checksModule ? { checksModule: toUrl(setup.checksModule), ...(setup.checksExport ? { checksExport: setup.checksExport } : {}) } : {}),
    ...(setup.extraChecksModules?.length ? { extraChecksModules: setup.extraChecksModules.map((m) => toUrl(m)) } : {}),
    ...(setup.upstreamModules?.length ? { upstreamModules: setup.upstreamModules.map((m) => toUrl(m)) } : {}),
    ...(setup.catalogueModule ? { catalogueModule: toUrl(setup.catalogueModule), catalogueExport: setup.catalogueExport ?? 'upstreamCatalogue' } : {}),
  };
  return {
    startData: { ...modules, backend: setup.backend ?? MOCK_BACKEND },
    checkTimeoutMs: setup.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    startTimeoutMs: setup.workerStartTimeoutMs ?? DEFAULT_WORKER_START_TIMEOUT_MS,
    ...(setup.workerHeapLimitMb ? { heapLimitMb: setup.workerHeapLimitMb } : {}),
  };
}
