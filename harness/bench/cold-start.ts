// The cold-start part of `pnpm bench` (issue 16): wall and CPU time of fresh processes of the commands people
// start — the installed `stepscore` bin scoring and listing this repository's registered builders, `pnpm score`
// and `pnpm test:builders` — each run `runs` times, figures the median.
//
// "Installed" is what a team gets: the workspace packages packed (`pnpm pack`, whose prepack compiles them) and
// installed from the tarballs with npm into a new project under the system's temporary folder, with this
// repository's builders (builders/, without tests) and stepscore.config.ts copied beside it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './statistics.js';

/** The workspace packages the `stepscore` package is made of, dependencies first, and their tarballs' names. */
const PACKAGES: readonly { readonly folder: string; readonly name: string; readonly tarball: string }[] = [
  { folder: 'packages/step-model', name: '@stepscore/step-model', tarball: 'stepscore-step-model-0.1.0.tgz' },
  { folder: 'packages/dependency-resolver', name: '@stepscore/dependency-resolver', tarball: 'stepscore-dependency-resolver-0.1.0.tgz' },
  { folder: 'packages/sagemaker', name: '@stepscore/sagemaker', tarball: 'stepscore-sagemaker-0.1.0.tgz' },
  { folder: 'packages/step-builder', name: '@stepscore/step-builder', tarball: 'stepscore-step-builder-0.1.0.tgz' },
  { folder: 'harness', name: '@stepscore/harness', tarball: 'stepscore-harness-0.1.0.tgz' },
  { folder: 'packages/stepscore', name: 'stepscore', tarball: 'stepscore-0.1.0.tgz' },
];

export interface ColdCommand {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export interface ColdTiming {
  readonly label: string;
  readonly wallMs: readonly number[];
  /** User + system CPU time of the process and every process it waited for, per run. */
  readonly cpuMs: readonly number[];
  readonly medianWallMs: number;
  readonly medianCpuMs: number;
}

export interface ColdStartReport {
  readonly timings: readonly ColdTiming[];
  /** The 1-minute load average before and after the measured runs. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** The environment of every measured command: no colour, no SDK notice, nothing of the calling pnpm. */
function benchEnvironment(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_)/i.test(name));
  return { ...Object.fromEntries(kept), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
}

interface Finished {
  readonly stdout: string;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * Runs a command under bash and reads, from bash's `times`, the CPU time of the processes it waited for: the
 * command and everything it started and waited for in turn (pnpm, node, its workers' threads).
 */
function runMeasured(command: string, args: readonly string[], cwd: string, extraEnvironment: NodeJS.ProcessEnv = {}): Promise<Finished> {
  const quoted = [command, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${quoted} >&3; status=$?; times >&4; exit $status`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', script], {
      cwd,
      env: { ...benchEnvironment(), ...extraEnvironment },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let times = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdio[4]!.on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
        return;
      }
      resolve({ stdout, wallMs, cpuMs: childrenCpuMs(times) });
    });
  });
}

/** The children's user + system time from bash's `times` output (its second line: "0m1.234s 0m0.056s"). */
export function childrenCpuMs(timesOutput: string): number {
  const line = timesOutput.trim().split('\n')[1] ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  if (parts.length !== 2) throw new Error(`Cannot read CPU times from bash's times: ${JSON.stringify(timesOutput)}`);
  return parts[0]! + parts[1]!;
}

/**
 * Packs the workspace packages and installs them into a new npm project with this repository's builders;
 * returns the project's folder (under the system's temporary folder: the caller removes it).
 */
export async function installIntoNewProject(repositoryRoot: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'stepscore-cold-start-'));
  const tarballs = join(folder, 'tarballs');
  const project = join(folder, 'project');
  for (const { folder: packageFolder } of PACKAGES) {
    await runMeasured('pnpm', ['pack', '--pack-destination', tarballs], join(repositoryRoot, packageFolder));
  }
  const made = new Set(readdirSync(tarballs));
  const fileOf = (tarball: string) => {
    if (!made.has(tarball)) throw new Error(`pnpm pack did not make ${tarball} (made: ${[...made].join(', ')})`);
    return `file:${join(tarballs, tarball)}`;
  };
  const [stepscore, ...internal] = [...PACKAGES].reverse();
  const manifest = {
    name: 'stepscore-cold-start',
    private: true,
    type: 'module',
    devDependencies: { stepscore: fileOf(stepscore!.tarball) },
    // The internal packages come from their tarballs too, not from a registry.
    overrides: Object.fromEntries(internal.map((p) => [p.name, fileOf(p.tarball)])),
  };
  cpSync(join(repositoryRoot, 'builders'), join(project, 'builders'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts') && !source.includes('test-fixtures'),
  });
  cpSync(join(repositoryRoot, 'stepscore.config.ts'), join(project, 'stepscore.config.ts'));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await runMeasured('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], project);
  return project;
}

/** The four commands of the issue, for an installed project and the repository. */
export function coldCommands(installedProject: string, repositoryRoot: string, reportsFolder: string): ColdCommand[] {
  const bin = join(installedProject, 'node_modules', '.bin', 'stepscore');
  return [
    { label: 'stepscore score (installed bin)', command: bin, args: ['score', '--out', join(reportsFolder, 'installed')], cwd: installedProject },
    { label: 'stepscore list (installed bin)', command: bin, args: ['list'], cwd: installedProject },
    { label: 'pnpm score', command: 'pnpm', args: ['--silent', 'score', '--out', join(reportsFolder, 'repository')], cwd: repositoryRoot },
    { label: 'pnpm test:builders', command: 'pnpm', args: ['--silent', 'test:builders'], cwd: repositoryRoot },
  ];
}

/** Each command `runs` times as a fresh process, one after the other; one unmeasured run of each first fills the disk caches. */
export async function measureColdCommands(commands: readonly ColdCommand[], runs: number): Promise<ColdStartReport> {
  const loadBefore = loadavg()[0]!;
  const timings: ColdTiming[] = [];
  for (const { label, command, args, cwd } of commands) {
    await runMeasured(command, args, cwd);
    const measured: Finished[] = [];
    for (let i = 0; i < runs; i++) measured.push(await runMeasured(command, args, cwd));
    const wallMs = measured.map((m) => m.wallMs);
    const cpuMs = measured.map((m) => m.cpuMs);
    timings.push({ label, wallMs, cpuMs, medianWallMs: median(wallMs), medianCpuMs: median(cpuMs) });
  }
  return { timings, loadBefore, loadAfter: loadavg()[0]! };
}

/** A registry of N builders in the installed project: the registered ones, then copies of them under other names. */
const REPEATED_REGISTRY = `import { BuilderRegistry } from '@stepscore/step-builder';
import { builderRegistry } from './builders/registry.js';

const count = Number(process.env['STEPSCORE_BENCH_BUILDERS']);
const registered = builderRegistry.all();
export default new BuilderRegistry(
  Array.from({ length: count }, (_, i) => {
    const registration = registered[i % registered.length]!;
    return i < registered.length ? registration : { ...registration, stepName: \`\${registration.stepName}\${Math.floor(i / registered.length)}\` };
  }),
);
`;

export interface WorkerLinePoint {
  readonly builders: number;
  readonly workers: number;
  readonly medianWallMs: number;
  readonly medianCpuMs: number;
}

/**
 * Where a second worker starts to pay (worker-count.ts): the installed bin scoring N builders on one worker and
 * on two, alternating run by run so that drift in the machine's speed hits both alike.
 */
export async function measureWorkerLine(installedProject: string, sizes: readonly number[], runs: number): Promise<WorkerLinePoint[]> {
  writeFileSync(join(installedProject, 'repeated-builders.ts'), REPEATED_REGISTRY);
  writeFileSync(
    join(installedProject, 'stepscore.repeated.config.ts'),
    "import { defineConfig } from 'stepscore';\n\nexport default defineConfig({ builders: './repeated-builders.ts' });\n",
  );
  const bin = join(installedProject, 'node_modules', '.bin', 'stepscore');
  const points: WorkerLinePoint[] = [];
  for (const builders of sizes) {
    const measured = new Map<number, Finished[]>([
      [1, []],
      [2, []],
    ]);
    for (let i = 0; i < runs; i++) {
      for (const workers of [1, 2]) {
        const args = [
          'score',
          '--config',
          'stepscore.repeated.config.ts',
          '--concurrency',
          String(workers),
          '--out',
          join(installedProject, 'reports', `${builders}-${workers}`),
        ];
        measured.get(workers)!.push(await runMeasured(bin, args, installedProject, { STEPSCORE_BENCH_BUILDERS: String(builders) }));
      }
    }
    for (const [workers, runsOf] of measured) {
      points.push({ builders, workers, medianWallMs: median(runsOf.map((r) => r.wallMs)), medianCpuMs: median(runsOf.map((r) => r.cpuMs)) });
    }
  }
  return points;
}

export interface ColdStartOptions {
  readonly runs: number;
  /** Catalogue sizes at which to compare one worker with two; none when empty. */
  readonly workerLineSizes: readonly number[];
}

/** Installs the package into a new project, measures the four commands there and in the repository, cleans up. */
export async function measureColdStart(
  repositoryRoot: string,
  options: ColdStartOptions,
): Promise<ColdStartReport & { readonly workerLine: WorkerLinePoint[] }> {
  const project = await installIntoNewProject(repositoryRoot);
  const reports = mkdtempSync(join(tmpdir(), 'stepscore-cold-reports-'));
  try {
    const report = await measureColdCommands(coldCommands(project, repositoryRoot, reports), options.runs);
    const workerLine = options.workerLineSizes.length > 0 ? await measureWorkerLine(project, options.workerLineSizes, options.runs) : [];
    return { ...report, workerLine };
  } finally {
    rmSync(join(project, '..'), { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  }
}
