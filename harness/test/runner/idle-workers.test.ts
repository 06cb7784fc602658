import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { BuilderWorker, type WorkerReady } from '../../src/runner/isolated/builder-worker.js';
import { launchWorkers } from '../../src/runner/isolated/early-workers.js';
import {
  IDLE_WORKER_WAIT_MS,
  idleWorkersWaiting,
  MAX_IDLE_WORKERS,
  parkIdleWorker,
  stopIdleWorkers,
  takeIdleWorkers,
} from '../../src/runner/isolated/idle-workers.js';
import { builderWorkerOptions, type WorkerSetup } from '../../src/runner/isolated/worker-setup.js';
import { runCatalogue } from '../../src/runner/run-catalogue.js';
import { LOADED_IN_CHANNEL, THREAD_ANNOUNCING_REGISTRY_MODULE } from '../fixtures/thread-announcing-registry.js';
import { removeTemporaryFolders, REPOSITORY_ROOT, temporaryFolder } from '../support/external-project.js';
import { builderRegistry } from '../support/repository-project.js';
import { withoutDurations } from '../support/without-durations.js';

const ready: WorkerReady = { builders: [], checks: [] };

/** A stand-in for a BuilderWorker: what idle-workers.ts asks of one. */
function fakeWorker(state: { lost?: boolean; stopped?: boolean } = {}) {
  return {
    lost: state.lost ?? false,
    stopped: state.stopped ?? false,
    terminate: vi.fn(async () => undefined),
    keepProcessAlive: vi.fn(),
  };
}
const asWorker = (fake: ReturnType<typeof fakeWorker>) => fake as unknown as BuilderWorker;

describe('idle workers, kept by key', () => {
  // Runs of other files in this process may have left real workers waiting.
  beforeEach(stopIdleWorkers);
  afterEach(async () => {
    await stopIdleWorkers();
    vi.useRealTimers();
  });

  it('hands a parked worker to a run with the same key only, the most recently parked first, and lets it keep the process alive again', () => {
    const [first, second] = [fakeWorker(), fakeWorker()];
    parkIdleWorker('a', asWorker(first), ready);
    parkIdleWorker('a', asWorker(second), ready);
    expect(first.keepProcessAlive).toHaveBeenCalledWith(false);
    expect(takeIdleWorkers('b', 2)).toEqual([]);
    expect(takeIdleWorkers('a', 1).map((t) => t.worker)).toEqual([second]);
    expect(second.keepProcessAlive).toHaveBeenLastCalledWith(true);
    expect(takeIdleWorkers('a', 5).map((t) => t.worker)).toEqual([first]);
    expect(idleWorkersWaiting()).toBe(false);
    expect([first, second].map((w) => w.terminate.mock.calls.length)).toEqual([0, 0]);
  });

  it('lets go of a worker lost or stopped while it waited, and stops it', () => {
    const [lost, stopped, fine] = [fakeWorker({ lost: true }), fakeWorker({ stopped: true }), fakeWorker()];
    for (const worker of [fine, lost, stopped]) parkIdleWorker('a', asWorker(worker), ready);
    expect(takeIdleWorkers('a', 3).map((t) => t.worker)).toEqual([fine]);
    expect([lost, stopped].map((w) => w.terminate.mock.calls.length)).toEqual([1, 1]);
  });

  it(`stops a worker after ${IDLE_WORKER_WAIT_MS} ms unused, and the oldest when more than ${MAX_IDLE_WORKERS} wait`, () => {
    vi.useFakeTimers();
    const workers = Array.from({ length: MAX_IDLE_WORKERS + 1 }, () => fakeWorker());
    for (const worker of workers) parkIdleWorker('a', asWorker(worker), ready);
    expect(workers.map((w) => w.terminate.mock.calls.length)).toEqual([1, ...Array<number>(MAX_IDLE_WORKERS).fill(0)]);
    vi.advanceTimersByTime(IDLE_WORKER_WAIT_MS - 1);
    expect(idleWorkersWaiting()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(idleWorkersWaiting()).toBe(false);
    expect(workers.map((w) => w.terminate.mock.calls.length)).toEqual(Array<number>(MAX_IDLE_WORKERS + 1).fill(1));
  });
});

describe('runs in one process on real workers', () => {
  const loadedIn = new Set<number>();
  let channel: BroadcastChannel;
  /** Lets a worker's message that it loaded the registry arrive. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  const setup: WorkerSetup = { registryModule: THREAD_ANNOUNCING_REGISTRY_MODULE, registryExport: 'builderRegistry' };
  const [registration] = builderRegistry.all();
  const run = async (extra: Partial<WorkerSetup> = {}) => {
    const results = await runCatalogue([registration!], builderRegistry, { ...setup, ...extra, checks: ALL_CHECKS, levels: [1, 2], concurrency: 1 });
    await settle();
    return results;
  };

  beforeAll(() => {
    channel = new BroadcastChannel(LOADED_IN_CHANNEL);
    channel.onmessage = (event) => loadedIn.add((event as unknown as { data: number }).data);
  });
  // Each test starts with no worker waiting and counts the threads its own runs started.
  beforeEach(async () => {
    await stopIdleWorkers();
    await settle();
    loadedIn.clear();
  });
  afterAll(async () => {
    channel.close();
    await stopIdleWorkers();
  });

  it('a second run started as the first takes over its worker, with the same results', async () => {
    const first = await run();
    expect(loadedIn.size).toBe(1);
    expect(idleWorkersWaiting()).toBe(true);
    const second = await run();
    expect(loadedIn.size).toBe(1);
    expect(withoutDurations(second)).toEqual(withoutDurations(first));
    expect(first[0]?.checks.every((c) => c.status === 'pass' || c.status === 'not_applicable')).toBe(true);
  }, 60_000);

  it('a run started otherwise (another time limit, another environment) starts a worker of its own', async () => {
    await run();
    expect(loadedIn.size).toBe(1);
    await run({ checkTimeoutMs: 4_000 });
    expect(loadedIn.size).toBe(2);
    process.env.STEPSCORE_IDLE_WORKERS_TEST = '1';
    try {
      await run();
    } finally {
      delete process.env.STEPSCORE_IDLE_WORKERS_TEST;
    }
    expect(loadedIn.size).toBe(3);
  }, 60_000);

  it('a worker launched early and taken over by a run waits for the next run even once its launcher stops it', async () => {
    const launched = launchWorkers();
    const first = await runCatalogue([registration!], builderRegistry, { ...setup, checks: ALL_CHECKS, levels: [1], earlyWorkers: launched.begin(setup) });
    await launched.stop();
    await settle();
    const threads = loadedIn.size;
    const second = await run();
    expect(loadedIn.size).toBe(threads);
    expect(second[0]?.checks.filter((c) => c.level === 1).map((c) => c.status)).toEqual(first[0]?.checks.map((c) => c.status));
  }, 60_000);
});

describe('BuilderWorker.reuseKey', () => {
  let project: string;
  beforeAll(() => {
    project = temporaryFolder('stepscore-idle-workers-');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  });
  afterAll(removeTemporaryFolders);

  it("changes when a module of the project changes, and is undefined when the project's modules are not bundled", async () => {
    const registry = join(project, 'registry.ts');
    writeFileSync(registry, `export { builderRegistry } from '${join(REPOSITORY_ROOT, 'builders', 'registry.ts')}';\n`);
    const options = builderWorkerOptions({ registryModule: registry, registryExport: 'builderRegistry' });
    const before = await BuilderWorker.reuseKey(options);
    expect(before).toBeDefined();
    expect(await BuilderWorker.reuseKey(options)).toBe(before);
    writeFileSync(registry, `export { builderRegistry } from '${join(REPOSITORY_ROOT, 'builders', 'registry.ts')}';\n// edited\n`);
    expect(await BuilderWorker.reuseKey(options)).not.toBe(before);

    const commonJs = join(project, 'registry.cjs');
    writeFileSync(commonJs, 'module.exports = {};\n');
    expect(await BuilderWorker.reuseKey(builderWorkerOptions({ registryModule: commonJs }))).toBeUndefined();
  }, 60_000);
});
