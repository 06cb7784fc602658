// One measured run, in a process of its own: every check of all four levels on a synthetic catalogue of N
// builders, through the runner `pnpm score` uses (the worker pool, one worker per core), against an upstream
// catalogue holding every synthetic builder. Prints one JSON line (SyntheticRunMeasurement) on stdout.
//   tsx harness/bench/measure-synthetic-run.ts --size 1000 [--seed n] [--concurrency n]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ALL_CHECKS } from '../src/checks/index.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import { scoreBuilder } from '../src/scoring/score-builder.js';
import { DEFAULT_SEED, generateSyntheticCatalogue } from './synthetic-catalogue.js';
import { syntheticRegistryUrl } from './synthetic-registry-url.js';

export interface SyntheticRunMeasurement {
  readonly size: number;
  readonly concurrency: number;
  /** From the first worker starting to the last result, workers' start-up included. */
  readonly wallMs: number;
  /** Checks that ran or were found not applicable. */
  readonly checks: number;
  /** Each builder's time in its worker: the sum of its checks' durations. */
  readonly builderMs: readonly number[];
  /** The most this process (main thread and workers) held, sampled every 20 ms. */
  readonly peakRssBytes: number;
  /** Builders that did not score 100: the benchmark must measure valid builders. */
  readonly notPerfect: readonly string[];
  /** This process's own start (imports) before the run. */
  readonly processStartMs: number;
  /** CPU time of this process (every thread) during the run. */
  readonly cpuMs: number;
  /** CPU time the rest of the machine used during the run, when /proc/stat tells; it slows the run down. */
  readonly othersCpuMs: number | null;
}

/** CPU time the whole machine has spent busy, from /proc/stat (Linux); null elsewhere. */
function machineBusyMs(): number | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    // USER_HZ is 100 on Linux: one jiffy is 10 ms.
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return null;
  }
}

const RSS_SAMPLE_MS = 20;

async function measure(size: number, seed: number, concurrency: number): Promise<SyntheticRunMeasurement> {
  const { registrations, registry } = generateSyntheticCatalogue(size, seed);
  const moduleUrl = syntheticRegistryUrl(size, seed);
  let peakRssBytes = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  const busyBefore = machineBusyMs();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await runCatalogue(registrations, registry, {
    checks: ALL_CHECKS,
    isolation: 'worker',
    backend: { kind: 'mock' },
    concurrency,
    registryModule: moduleUrl,
    registryExport: 'syntheticRegistry',
    catalogueModule: moduleUrl,
    catalogueExport: 'syntheticCatalogue',
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const busyAfter = machineBusyMs();
  clearInterval(sampler);
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  return {
    size,
    concurrency,
    wallMs,
    checks: results.reduce((sum, r) => sum + r.checks.length, 0),
    builderMs: results.map((r) => r.checks.reduce((sum, c) => sum + c.durationMs, 0)),
    peakRssBytes,
    notPerfect: results.filter((r) => scoreBuilder(r.checks).overall !== 100).map((r) => r.builder),
    processStartMs: started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    othersCpuMs: busyBefore === null || busyAfter === null ? null : Math.max(0, busyAfter - busyBefore - (cpu.user + cpu.system) / 1000),
  };
}

const { values } = parseArgs({
  options: { size: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' } },
});
const size = Number(values.size);
if (!Number.isInteger(size) || size < 1) throw new Error(`--size must be a positive integer (got ${values.size})`);
const measurement = await measure(size, Number(values.seed ?? DEFAULT_SEED), Number(values.concurrency ?? availableParallelism()));
process.stdout.write(`${JSON.stringify(measurement)}\n`);
