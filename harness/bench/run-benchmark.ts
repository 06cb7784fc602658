// `pnpm bench`: how fast the four levels run on synthetic catalogues of N builders, and how the time grows with
// N; then the cold start (cold-start.ts): the installed bin's `score` and `list`, `pnpm score` and
// `pnpm test:builders` on the registered builders, each a fresh process.
//   pnpm bench [--sizes 10,100,1000] [--runs 3] [--cold-runs 5] [--worker-line 7,14,28,42] [--skip-cold | --cold-only] [--help]
// Each measured run is a process of its own (harness/bench/measure-synthetic-run.ts); figures are medians.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { BENCH_USAGE, type BenchOptions, parseBenchOptions } from './bench-options.js';
import { type ColdStartReport, measureColdStart, type WorkerLinePoint } from './cold-start.js';
import type { SyntheticRunMeasurement } from './measure-synthetic-run.js';
import { measureResolutionScaling } from './resolution-scaling.js';
import { median, percentile } from './statistics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MEASURE_RUN = fileURLToPath(new URL('./measure-synthetic-run.ts', import.meta.url));

/** The goals of the performance issue. */
const GOALS = {
  wallAt1000Ms: 8_000,
  growth1000Over100: 11,
  peakRssAt1000Bytes: 1024 * 1024 * 1024,
  testBuildersColdMs: 5_000,
  installedScoreColdMs: 1_000,
  installedListColdMs: 500,
} as const;

const environment = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: '0' };

/** Runs a command to its end; its output is kept for the error message when it fails. */
function run(command: string, args: readonly string[]): Promise<{ stdout: string; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ stdout, wallMs });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
    });
  });
}

async function measureSize(size: number): Promise<SyntheticRunMeasurement> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', MEASURE_RUN, '--size', String(size)]);
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as SyntheticRunMeasurement;
}

interface SizeSummary {
  readonly size: number;
  readonly wallMs: number;
  readonly buildersPerSecond: number;
  readonly checksPerSecond: number;
  readonly builderMedianMs: number;
  readonly builderP95Ms: number;
  readonly peakRssBytes: number;
  readonly notPerfect: readonly string[];
  readonly runs: readonly number[];
  /** Share of the machine's CPU other processes used during the runs (median), when known. */
  readonly othersShare: number | null;
}

function summarise(size: number, runs: readonly SyntheticRunMeasurement[]): SizeSummary {
  const wallMs = median(runs.map((r) => r.wallMs));
  const checks = median(runs.map((r) => r.checks));
  return {
    size,
    wallMs,
    buildersPerSecond: size / (wallMs / 1000),
    checksPerSecond: checks / (wallMs / 1000),
    builderMedianMs: median(runs.map((r) => median(r.builderMs))),
    builderP95Ms: median(runs.map((r) => percentile(r.builderMs, 0.95))),
    peakRssBytes: median(runs.map((r) => r.peakRssBytes)),
    notPerfect: [...new Set(runs.flatMap((r) => r.notPerfect))],
    runs: runs.map((r) => r.wallMs),
    othersShare: runs.every((r) => r.othersCpuMs !== null) ? median(runs.map((r) => (r.othersCpuMs as number) / (r.wallMs * availableParallelism()))) : null,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

function machine(): string {
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${availableParallelism()} cores (${model}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}, load average ${load}`;
}

/** The cold-start figures, and the goals of issue 16 they meet or miss. */
function printColdStart(report: ColdStartReport, runs: number, goals: string[]): void {
  console.log(`\nCold start: each command a fresh process, ${runs} runs after one unmeasured run; median wall (CPU = user + sys of every process and thread):`);
  const table = new Table({
    head: ['command', 'wall s', 'CPU s', 'wall runs s'],
    colAligns: ['left', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const t of report.timings) table.push([t.label, seconds(t.medianWallMs), seconds(t.medianCpuMs), t.wallMs.map(seconds).join(' ')]);
  console.log(table.toString());
  console.log(
    `  load average (1 min) ${report.loadBefore.toFixed(2)} before, ${report.loadAfter.toFixed(2)} after: wall times on a busy machine are longer than on a quiet one, CPU times much less so.`,
  );
  const goal = (label: string, limitMs: number) => {
    const timing = report.timings.find((t) => t.label === label);
    if (timing) goals.push(`${label} cold ${seconds(timing.medianWallMs)} s ≤ ${seconds(limitMs)} s: ${verdict(timing.medianWallMs <= limitMs)}`);
  };
  goal('stepscore score (installed bin)', GOALS.installedScoreColdMs);
  goal('stepscore list (installed bin)', GOALS.installedListColdMs);
  goal('pnpm test:builders', GOALS.testBuildersColdMs);
}

/** The synthetic catalogues of each size: wall, throughput, per-builder time, memory; their goals go to `goals`. */
async function measureSyntheticCatalogues(sizes: readonly number[], runs: number, goals: string[]): Promise<void> {
  console.log(`Synthetic catalogues, all four levels, worker pool of ${availableParallelism()}; each run a fresh process; medians of ${runs} run(s).\n`);
  const summaries: SizeSummary[] = [];
  for (const size of sizes) {
    const measured: SyntheticRunMeasurement[] = [];
    for (let i = 0; i < runs; i++) measured.push(await measureSize(size));
    const summary = summarise(size, measured);
    summaries.push(summary);
    console.log(`  N=${size}: ${summary.runs.map((ms) => `${seconds(ms)} s`).join(', ')}`);
  }

  const table = new Table({
    head: ['N', 'wall s', 'builders/s', 'checks/s', 'median ms/builder', 'p95 ms/builder', 'peak RSS MB'],
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const s of summaries) {
    table.push([
      s.size,
      seconds(s.wallMs),
      s.buildersPerSecond.toFixed(1),
      s.checksPerSecond.toFixed(0),
      s.builderMedianMs.toFixed(2),
      s.builderP95Ms.toFixed(2),
      megabytes(s.peakRssBytes),
    ]);
  }
  console.log(`\n${table.toString()}`);
  console.log("  per-builder time: the sum of its checks' durations in its worker; wall: worker start-up to last result.");
  const others = summaries.map((s) => `N=${s.size} ${s.othersShare === null ? 'unknown' : `${(100 * s.othersShare).toFixed(1)} %`}`);
  console.log(`  CPU other processes used during the runs (share of the machine): ${others.join(', ')}`);

  const notPerfect = summaries.flatMap((s) => s.notPerfect);
  console.log(
    notPerfect.length === 0
      ? '  every synthetic builder scored 100 (the valid path was measured)'
      : `  WARNING: ${notPerfect.length} synthetic builder(s) did not score 100: ${notPerfect.slice(0, 10).join(', ')}`,
  );

  console.log('\nDependency resolution against the catalogue, per builder (one process, one thread):');
  const scaling = new Table({
    head: ['N', 'index built ms', 'indexed µs/builder', 'full scan µs/builder'],
    colAligns: ['right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const size of sizes) {
    const r = measureResolutionScaling(size);
    scaling.push([r.size, r.indexMs.toFixed(1), r.indexedUs.toFixed(0), r.fullScanUs.toFixed(0)]);
  }
  console.log(scaling.toString());

  const at = (size: number) => summaries.find((s) => s.size === size);
  const at100 = at(100);
  const at1000 = at(1000);
  if (at1000) {
    goals.push(`N=1000 wall ${seconds(at1000.wallMs)} s ≤ ${seconds(GOALS.wallAt1000Ms)} s: ${verdict(at1000.wallMs <= GOALS.wallAt1000Ms)}`);
    goals.push(
      `N=1000 peak RSS ${megabytes(at1000.peakRssBytes)} MB ≤ ${megabytes(GOALS.peakRssAt1000Bytes)} MB: ${verdict(at1000.peakRssBytes <= GOALS.peakRssAt1000Bytes)}`,
    );
  }
  if (at100 && at1000) {
    const growth = at1000.wallMs / at100.wallMs;
    goals.push(`time(1000) ÷ time(100) = ${growth.toFixed(2)} ≤ ${GOALS.growth1000Over100}: ${verdict(growth <= GOALS.growth1000Over100)}`);
  }
}

/** One worker against two for each catalogue size: where the second starts to pay is BUILDERS_PER_WORKER. */
function printWorkerLine(points: readonly WorkerLinePoint[], runs: number): void {
  console.log(`\nOne worker or two: the installed bin scoring N builders (the registered ones repeated), median of ${runs}, alternating:`);
  const table = new Table({
    head: ['N', '1 worker wall s', '2 workers wall s', '1 worker CPU s', '2 workers CPU s'],
    colAligns: ['right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const builders of [...new Set(points.map((p) => p.builders))]) {
    const of = (workers: number) => points.find((p) => p.builders === builders && p.workers === workers)!;
    table.push([builders, seconds(of(1).medianWallMs), seconds(of(2).medianWallMs), seconds(of(1).medianCpuMs), seconds(of(2).medianCpuMs)]);
  }
  console.log(table.toString());
}

/** The options, or undefined when the run is over (help shown, or the command line refused with exit code 2). */
function options(): BenchOptions | undefined {
  try {
    const parsed = parseBenchOptions(process.argv.slice(2));
    if (parsed !== 'help') return parsed;
    console.log(BENCH_USAGE);
  } catch (error) {
    console.error(`pnpm bench: ${error instanceof Error ? error.message : String(error)}\nRun \`pnpm bench --help\` for the options.`);
    process.exitCode = 2;
  }
  return undefined;
}

async function main(): Promise<void> {
  const parsed = options();
  if (!parsed) return;
  const { sizes, runs, coldRuns, skipCold, coldOnly, workerLine } = parsed;
  console.log(`stepscore benchmark — ${machine()}`);
  const goals: string[] = [];
  if (!coldOnly) await measureSyntheticCatalogues(sizes, runs, goals);
  if (!skipCold) {
    const report = await measureColdStart(ROOT, { runs: coldRuns, workerLineSizes: workerLine });
    printColdStart(report, coldRuns, goals);
    if (report.workerLine.length > 0) printWorkerLine(report.workerLine, coldRuns);
  }

  console.log('\nGoals:');
  for (const goal of goals) console.log(`  ${goal}`);
}

await main();
