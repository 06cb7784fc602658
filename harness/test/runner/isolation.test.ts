import type { BuilderRegistration } from '@stepscore/step-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuilderResult, CheckResult } from '../../src/check/check-result.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { profileCheckIds } from '../../src/profiles/index.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { snapshotGlobalState } from '../../src/runner/isolated/global-state.js';
import { runCatalogue } from '../../src/runner/run-catalogue.js';
import {
  LEAKED_REGION,
  leakedState,
  MISBEHAVING_REGISTRY_EXPORT,
  MISBEHAVING_REGISTRY_MODULE,
  misbehaving,
  misbehavingBuilderRegistry,
} from '../fixtures/misbehaving-builders.js';
import { withoutDurations } from '../support/without-durations.js';

const TIME_LIMIT_MS = 1000;
/** A registry module that loads for longer than the time limit (named by URL only: this file does not wait for it). */
const SLOW_LOADING_MS = 1500;
const SLOW_LOADING_REGISTRY_MODULE = new URL(`../fixtures/slow-loading-registry.ts?ms=${SLOW_LOADING_MS}`, import.meta.url).href;
const REAL = ['PyTorchTraining', 'XGBoostTraining'];
const fromFixture = { registryModule: MISBEHAVING_REGISTRY_MODULE, registryExport: MISBEHAVING_REGISTRY_EXPORT, checkTimeoutMs: TIME_LIMIT_MS };

const registrations = (names: readonly string[]): BuilderRegistration[] => names.map((n) => misbehavingBuilderRegistry.get(n));

function resultOf(results: readonly BuilderResult[], builder: string): BuilderResult {
  const found = results.find((r) => r.builder === builder);
  if (!found) throw new Error(`no result for ${builder}`);
  return found;
}

const errored = (result: BuilderResult): CheckResult[] => result.checks.filter((c) => c.status === 'error');
const rootCaused = (result: BuilderResult, kind: string): CheckResult[] => result.checks.filter((c) => c.rootCause?.kind === kind);

describe('worker isolation', () => {
  const everyMisbehaving = Object.values(misbehaving).filter((name) => name !== misbehaving.outOfMemory && name !== misbehaving.slowButInTime);
  const order = [REAL[0]!, ...everyMisbehaving, REAL[1]!];
  let full: BuilderResult[];
  let fullMs: number;
  let alone: BuilderResult[];

  beforeAll(async () => {
    const started = performance.now();
    full = await runCatalogue(registrations(order), misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture });
    fullMs = performance.now() - started;
    alone = await runCatalogue(registrations(REAL), misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture });
  }, 90_000);

  it('finishes a run full of misbehaving builders within the time limits, every check accounted for, in order', () => {
    expect(full.map((r) => r.builder)).toEqual(order);
    for (const result of full) expect(result.checks.map((c) => c.id)).toEqual(profileCheckIds(result.stepType));
    // Two hangs and two crashes each cost one worker (about a second to replace) and one time limit at most.
    expect(fullMs).toBeLessThan(25_000);
  });

  it('leaves the real builders with exactly the results they get alone, and as in process', async () => {
    expect(withoutDurations(REAL.map((name) => resultOf(full, name)))).toEqual(withoutDurations(alone));
    const inProcess = await runCatalogue(registrations(REAL), misbehavingBuilderRegistry, {
      checks: ALL_CHECKS,
      isolation: 'in-process',
      backendName: 'mock',
      backendFactory: createMockBackend,
    });
    expect(withoutDurations(alone)).toEqual(withoutDurations(inProcess));
    expect(alone.flatMap((r) => r.checks).filter((c) => c.status === 'pass').length).toBeGreaterThan(0);
  }, 60_000);

  it('reports a constructor that throws as the root cause of the checks that needed the builder', () => {
    const result = resultOf(full, misbehaving.throwingConstructor);
    const caused = rootCaused(result, 'builder_construction');
    expect(caused.length).toBeGreaterThan(5);
    for (const check of caused) {
      expect(check.status).toBe('fail');
      expect(check.rootCause?.message).toBe(
        'ThrowingConstructorTraining could not be constructed: ThrowingConstructorTraining cannot reach its model registry',
      );
    }
    expect(errored(result)).toEqual([]);
  });

  it('reports a method that throws and a method returning the wrong type in the checks that call them', () => {
    const throwing = resultOf(full, misbehaving.throwingEnvironment);
    expect(throwing.checks.find((c) => c.id === 'level2.environment_variables')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('environment lookup exploded'),
    });
    expect(rootCaused(throwing, 'step_creation').every((c) => c.rootCause?.message.endsWith('could not create its step: environment lookup exploded'))).toBe(
      true,
    );
    const wrongTypes = resultOf(full, misbehaving.wrongTypes);
    expect(wrongTypes.checks.find((c) => c.id === 'level1.method_result_types')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/getStepName\(\) must return a non-empty string, got a number/),
    });
  });

  it('stops a promise that never settles at the time limit, once, and root-causes the rest to it', () => {
    const result = resultOf(full, misbehaving.neverSettling);
    const [timedOut, ...more] = errored(result);
    expect(more).toEqual([]);
    expect(timedOut?.message).toMatch(
      new RegExp(
        `^Check level\\d\\.\\w+ took longer than ${TIME_LIMIT_MS} ms: the promise NeverSettlingTraining\\.createStep\\(\\) returned had not settled ` +
          '\\(the worker sat idle, waiting on a promise\\); the worker running NeverSettlingTraining was stopped$',
      ),
    );
    const caused = rootCaused(result, 'step_creation').filter((c) => c !== timedOut);
    expect(caused.length).toBeGreaterThan(5);
    for (const check of caused)
      expect(check.rootCause?.message).toContain(
        `NeverSettlingTraining could not create its step: the promise NeverSettlingTraining.createStep() returned took longer than ${TIME_LIMIT_MS} ms to settle`,
      );
    expect(result.checks.filter((c) => c.level <= 2 && c.status === 'pass').length).toBeGreaterThan(10);
  });

  it('stops a synchronous loop at the time limit by stopping its worker, saying it took longer than the limit', () => {
    const result = resultOf(full, misbehaving.syncLoop);
    const [timedOut, ...more] = errored(result);
    expect(more).toEqual([]);
    expect(timedOut?.message).toMatch(
      new RegExp(
        `^Check level\\d\\.\\w+ took longer than ${TIME_LIMIT_MS} ms: SyncLoopTraining\\.createStep\\(\\) had not returned ` +
          '\\(the worker was busy running code the whole time\\); the worker running SyncLoopTraining was stopped$',
      ),
    );
    expect(timedOut?.durationMs).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 50);
    expect(rootCaused(result, 'step_creation').length).toBeGreaterThan(5);
  });

  it('reports a worker crash (process.exit, an uncaught exception) on the check that was running and carries on', () => {
    const exited = resultOf(full, misbehaving.processExit);
    const [exitCheck, ...moreExits] = errored(exited);
    expect(moreExits).toEqual([]);
    expect(exitCheck?.message).toMatch(
      /did not finish: the worker running ProcessExitTraining stopped \(process\.exit\(7\) was called\) while the ProcessExitTraining constructor ran$/,
    );
    expect(rootCaused(exited, 'builder_construction').length).toBeGreaterThan(5);

    const uncaught = resultOf(full, misbehaving.uncaughtThrow);
    const [throwCheck, ...moreThrows] = errored(uncaught);
    expect(moreThrows).toEqual([]);
    expect(throwCheck?.message).toContain(
      'stopped (uncaught Error: lost the connection to the artifact store) while the promise UncaughtThrowTraining.createStep() returned was pending',
    );
    expect(rootCaused(uncaught, 'step_creation').length).toBeGreaterThan(5);
  });

  it('does not let a builder that changes process.env and the globals change the next builder in the same worker', async () => {
    const pair = [misbehaving.mutatingState, misbehaving.envProbe];
    const sameWorker = await runCatalogue(registrations(pair), misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture, concurrency: 1 });
    const probeAlone = await runCatalogue(registrations([misbehaving.envProbe]), misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture });
    expect(withoutDurations([resultOf(sameWorker, misbehaving.envProbe)])).toEqual(withoutDurations(probeAlone));
    expect(rootCaused(probeAlone[0]!, 'builder_construction')).toEqual([]);
    expect(leakedState()).toEqual([]); // nor the main thread: the worker had its own process.env

    // The control: in one process the same pair does leak, and the probe notices.
    const saved = snapshotGlobalState();
    try {
      const inProcess = await runCatalogue(registrations(pair), misbehavingBuilderRegistry, {
        checks: ALL_CHECKS,
        isolation: 'in-process',
        concurrency: 1,
        backendName: 'mock',
        backendFactory: createMockBackend,
      });
      expect(process.env.AWS_REGION).toBe(LEAKED_REGION);
      const leaked = rootCaused(resultOf(inProcess, misbehaving.envProbe), 'builder_construction');
      expect(leaked.length).toBeGreaterThan(5);
      expect(leaked[0]?.rootCause?.message).toContain("EnvProbeTraining found state another builder left behind: process.env.AWS_REGION is 'xx'");
    } finally {
      saved.restore();
    }
    expect(leakedState()).toEqual([]);
  }, 60_000);

  // The four below each start workers of their own and wait on them, most of the time on a time limit or on memory
  // filling up: they run at once (some 3 s sooner). The one above, which leaks into process.env on purpose, has
  // ended by then: a worker starts with a copy of process.env.
  it.concurrent('reports a builder that runs its worker out of memory and carries on with the next builder', async ({ expect }) => {
    const results = await runCatalogue(registrations([misbehaving.outOfMemory, 'XGBoostTraining']), misbehavingBuilderRegistry, {
      checks: ALL_CHECKS,
      ...fromFixture,
      // Filling 128 MB while the collector fights for room took over a second on a loaded machine, and the time
      // limit then stopped the worker before it ran out of memory: this test is about the memory, not the limit.
      checkTimeoutMs: 30_000,
      concurrency: 1,
      workerHeapLimitMb: 128,
    });
    const [oom] = errored(results[0]!);
    expect(oom?.message).toMatch(/the worker running OutOfMemoryTraining stopped \(it ran out of memory: .*\) while the OutOfMemoryTraining constructor ran$/);
    expect(withoutDurations([results[1]!])).toEqual(withoutDurations([resultOf(alone, 'XGBoostTraining')]));
  }, 60_000);

  it.concurrent('does not count worker start-up or module loading against a check: a registry that takes longer to load than the limit', async ({ expect }) => {
    const started = performance.now();
    const results = await runCatalogue(registrations(REAL), misbehavingBuilderRegistry, {
      checks: ALL_CHECKS,
      ...fromFixture,
      registryModule: SLOW_LOADING_REGISTRY_MODULE,
      registryExport: 'slowLoadingRegistry',
      concurrency: 2,
    });
    expect(performance.now() - started).toBeGreaterThan(Math.max(SLOW_LOADING_MS, TIME_LIMIT_MS));
    for (const result of results) expect(errored(result).map((c) => c.message)).toEqual([]);
  }, 60_000);

  it.concurrent('gives each check its own time limit: a builder slower in all than the limit, but never in one stretch, is not stopped', async ({ expect }) => {
    const [slow] = await runCatalogue(registrations([misbehaving.slowButInTime]), misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture });
    const totalMs = slow!.checks.reduce((sum, c) => sum + c.durationMs, 0);
    expect(totalMs).toBeGreaterThan(2 * TIME_LIMIT_MS);
    expect(errored(slow!)).toEqual([]);
    expect(slow!.checks.filter((c) => c.level === 3 && c.status === 'pass').length).toBeGreaterThan(5);
  }, 60_000);

  it.concurrent('refuses, naming the registry module, a builder the workers cannot find, and a check not in the checks module', async ({ expect }) => {
    const stranger = { ...misbehavingBuilderRegistry.get('PyTorchTraining'), stepName: 'StrangerTraining' };
    await expect(runCatalogue([stranger], misbehavingBuilderRegistry, { checks: ALL_CHECKS, ...fromFixture })).rejects.toThrow(
      `Unknown builder 'StrangerTraining'. Registered builders: PyTorchTraining, XGBoostTraining`,
    );
    const madeUp = { ...ALL_CHECKS[0]!, id: 'level1.made_up_here' };
    await expect(runCatalogue(registrations(['PyTorchTraining']), misbehavingBuilderRegistry, { checks: [madeUp], ...fromFixture })).rejects.toThrow(
      'Checks level1.made_up_here are not in the built-in checks: workers load their checks from there, so give the module that exports them as checksModule',
    );
  }, 60_000);
});
