import { describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { BuilderWorker, BuilderWorkerOptions, WorkerReady } from '../../src/runner/isolated/builder-worker.js';
import {
  type EarlyWorkers,
  launchWorkers,
  startWorkersEarly,
  stopEarlyWorkers,
  takeEarlyWorkers,
  type WorkerStart,
} from '../../src/runner/isolated/early-workers.js';
import { BUILDERS_PER_WORKER, workerCount } from '../../src/runner/isolated/worker-count.js';
import { builderWorkerOptions } from '../../src/runner/isolated/worker-setup.js';
import { runCatalogue } from '../../src/runner/run-catalogue.js';
import { MISBEHAVING_REGISTRY_EXPORT, MISBEHAVING_REGISTRY_MODULE, misbehavingBuilderRegistry } from '../fixtures/misbehaving-builders.js';
import { withoutDurations } from '../support/without-durations.js';

describe('workerCount', () => {
  it('runs a small catalogue on one worker and adds one per BUILDERS_PER_WORKER builders, one per core at most', () => {
    expect(workerCount(1, undefined, 2)).toBe(1);
    expect(workerCount(7, undefined, 2)).toBe(1);
    expect(workerCount(2 * BUILDERS_PER_WORKER - 1, undefined, 2)).toBe(1);
    expect(workerCount(2 * BUILDERS_PER_WORKER, undefined, 2)).toBe(2);
    expect(workerCount(1000, undefined, 2)).toBe(2);
    expect(workerCount(1000, undefined, 8)).toBe(8);
  });

  it('takes the concurrency asked for, never more workers than builders', () => {
    expect(workerCount(7, 2, 2)).toBe(2);
    expect(workerCount(1000, 3, 2)).toBe(3);
    expect(workerCount(2, 4, 8)).toBe(2);
  });
});

describe('takeEarlyWorkers', () => {
  const ready: WorkerReady = { builders: [], checks: [] };
  const setup = { registryModule: MISBEHAVING_REGISTRY_MODULE, registryExport: MISBEHAVING_REGISTRY_EXPORT };

  function earlyWorkers(options: BuilderWorkerOptions, count: number): { early: EarlyWorkers; terminated: ReturnType<typeof vi.fn>[] } {
    const terminated = Array.from({ length: count }, () => vi.fn(async () => undefined));
    const workers = terminated.map((stop) => ({ start: Promise.resolve({ worker: {} as BuilderWorker, ready }) as WorkerStart, stop }));
    return { early: { options, workers }, terminated };
  }

  it('hands over as many as the run uses when they were started as its workers would be, and stops the rest', async () => {
    const options = builderWorkerOptions(setup);
    const { early, terminated } = earlyWorkers(options, 2);
    const taken = await takeEarlyWorkers(early, builderWorkerOptions(setup), 1);
    expect(taken).toEqual([early.workers[0]!.start]);
    expect(terminated.map((t) => t.mock.calls.length)).toEqual([0, 1]);
    // The one taken over is the run's now: its launcher's stop leaves it alone.
    await stopEarlyWorkers(early);
    expect(terminated[0]!.mock.calls.length).toBe(0);
  });

  it('stops them all when they were started otherwise (another time limit)', async () => {
    const { early, terminated } = earlyWorkers(builderWorkerOptions({ ...setup, checkTimeoutMs: 1234 }), 2);
    expect(await takeEarlyWorkers(early, builderWorkerOptions(setup), 2)).toEqual([]);
    expect(terminated.map((t) => t.mock.calls.length)).toEqual([1, 1]);
  });
});

describe('a run on workers started early, without the checks given', () => {
  it('runs every check the workers load, as a run given ALL_CHECKS does', async () => {
    const registrations = [misbehavingBuilderRegistry.get('XGBoostTraining')];
    const setup = { registryModule: MISBEHAVING_REGISTRY_MODULE, registryExport: MISBEHAVING_REGISTRY_EXPORT };
    const early = startWorkersEarly(setup);
    const fromEarly = await runCatalogue(registrations, misbehavingBuilderRegistry, { ...setup, levels: [1, 2], earlyWorkers: early });
    const given = await runCatalogue(registrations, misbehavingBuilderRegistry, { ...setup, levels: [1, 2], checks: ALL_CHECKS });
    expect(fromEarly[0]!.checks.length).toBeGreaterThan(10);
    expect(new Set(fromEarly[0]!.checks.map((c) => c.level))).toEqual(new Set([1, 2]));
    expect(withoutDurations(fromEarly)).toEqual(withoutDurations(given));
  }, 90_000);
});

describe('stopEarlyWorkers', () => {
  it('stops a worker still starting at once, rather than when it is ready', async () => {
    const early = startWorkersEarly({ registryModule: MISBEHAVING_REGISTRY_MODULE, registryExport: MISBEHAVING_REGISTRY_EXPORT });
    const started = performance.now();
    await stopEarlyWorkers(early);
    // Loading the checks, the SDK and the registry takes a worker a second or more; stopping it, a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
    await expect(early.workers[0]!.start).rejects.toThrow('stopped while starting: it was no longer needed');
  });
});

describe('launchWorkers', () => {
  it('stops workers launched and never begun, and refuses to begin twice', async () => {
    const launched = launchWorkers(2);
    const started = performance.now();
    await launched.stop();
    expect(performance.now() - started).toBeLessThan(500);

    const again = launchWorkers();
    const early = again.begin({ registryModule: MISBEHAVING_REGISTRY_MODULE, registryExport: MISBEHAVING_REGISTRY_EXPORT });
    expect(() => again.begin({ registryModule: MISBEHAVING_REGISTRY_MODULE })).toThrow('begun already');
    await again.stop();
    await expect(early.workers[0]!.start).rejects.toThrow('it was no longer needed');
  });
});
