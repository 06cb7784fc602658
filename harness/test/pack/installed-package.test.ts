// The installed package, as a team gets it: the workspace packages packed with `pnpm pack` (prepack compiles them),
// installed from the tarballs into an npm project under os.tmpdir(), a builder of the team's own written there
// against the public API, scored by `npx stepscore score` and by the project's one-file `test:builders` — with the
// same result as the same builder scored from this repository.
//
// The project is kept between runs (see PROJECT), its node_modules with it: `npm install` then only replaces the
// packages whose tarballs changed, instead of extracting some 6,900 files again (6 s and 8 s of CPU against 0.4 s).
// So are the tarballs, with the digest of what they were packed from (see packageInputsDigest): a run whose packages
// are as the last run packed them installs those tarballs again instead of packing (4.5 s and 5 s of CPU).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStepscore } from '../cli/cli-runner.js';
import {
  copyExternalProject,
  EXTERNAL_BUILDER,
  EXTERNAL_PROJECT_FIXTURE,
  PACKAGE_FOLDERS,
  removeTemporaryFolders,
  REPOSITORY_ROOT,
  runCommand,
  scoredChecks,
  temporaryFolder,
} from '../support/external-project.js';
import { type KeptFolder, takeKeptFolder } from '../support/kept-folder.js';

const TSC = join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The environment of a command run in the installed project: nothing of this pnpm and vitest run leaks into it. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|vitest|__vitest)/i.test(name)));
}

/**
 * The team's project, at one place per checkout, emptied at each run but for what npm installed (node_modules and its
 * lock) and the tarballs it installed them from. npm does not notice that a tarball at the same path changed
 * (npm/cli#1550), so each tarball is named by its content: a changed package is a changed dependency, which npm
 * installs afresh; an unchanged one is left in place. A run that finds the place held by another (two `pnpm test` at
 * once) packs and installs into an empty folder of its own.
 */
const PROJECT = { prefix: 'stepscore-team-project-', keep: ['node_modules', 'package-lock.json', 'tarballs'] };
/** In the project's tarballs/: the digest of the inputs they were packed from, and each package's dependency spec. */
const PACKED = 'packed.json';
/** The files at the repository's root that the packing reads besides the packages' own (the lockfile pins tsc and esbuild). */
const ROOT_BUILD_FILES = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.json', 'tsconfig.build-base.json'];
let keptProject: KeptFolder | undefined;

let project: string;
let inRepository: ReturnType<typeof scoredChecks>;

afterAll(() => {
  keptProject?.release();
  removeTemporaryFolders();
});

function projectFolder(): string {
  keptProject = takeKeptFolder(PROJECT.prefix, REPOSITORY_ROOT, PROJECT.keep);
  return keptProject?.path ?? temporaryFolder(PROJECT.prefix);
}

/** The tarball copied into the project as `tarballs/<name>-<digest of its content>.tgz`; its dependency spec. */
function placeInProject(tarball: string): string {
  const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex').slice(0, 16);
  const file = `${basename(tarball, '.tgz')}-${digest}.tgz`;
  mkdirSync(join(project, 'tarballs'), { recursive: true });
  copyFileSync(tarball, join(project, 'tarballs', file));
  // An absolute path: npm would resolve a relative one in `overrides` from the package that depends on it.
  return `file:${join(project, 'tarballs', file)}`;
}

/**
 * A digest of everything the tarballs are made from: every file git lists in the package folders (sources, package.json
 * and its prepack, tsconfig files, bundle.ts; tests too, which only costs a pack when one changes) and at the root
 * ROOT_BUILD_FILES (pnpm's version is the one package.json pins), with their paths, and Node's version.
 */
async function packageInputsDigest(): Promise<string> {
  const listed = await runCommand('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', ...PACKAGE_FOLDERS, ...ROOT_BUILD_FILES], {
    cwd: REPOSITORY_ROOT,
  });
  expect(listed.code, listed.stderr).toBe(0);
  const hash = createHash('sha256').update(`${process.version}\n`);
  for (const file of listed.stdout.split('\0').filter(Boolean).sort()) {
    hash.update(`${file}\0`);
    // A file deleted in the working tree but still in the index counts as deleted.
    hash.update(existsSync(join(REPOSITORY_ROOT, file)) ? readFileSync(join(REPOSITORY_ROOT, file)) : '(deleted)');
  }
  return hash.digest('hex');
}

/** The kept tarballs' dependency specs when they were packed from inputs with this digest and are all still there. */
function keptTarballs(digest: string): Record<string, string> | undefined {
  const file = join(project, 'tarballs', PACKED);
  if (!existsSync(file)) return undefined;
  const packed = JSON.parse(readFileSync(file, 'utf8')) as { digest?: string; packages?: Record<string, string> };
  const specs = Object.values(packed.packages ?? {});
  const allThere = specs.length === PACKAGE_FOLDERS.length && specs.every((spec) => existsSync(spec.slice('file:'.length)));
  return packed.digest === digest && allThere ? packed.packages : undefined;
}

/** The packages' tarballs in the project: the kept ones when the packages are as they were packed, else packed now. */
async function tarballsInProject(): Promise<Record<string, string>> {
  const digest = await packageInputsDigest();
  const kept = keptTarballs(digest);
  if (kept) return kept;
  rmSync(join(project, 'tarballs'), { recursive: true, force: true });
  const packages = await pack();
  writeFileSync(join(project, 'tarballs', PACKED), `${JSON.stringify({ digest, packages }, null, 2)}\n`);
  return packages;
}

async function pack(): Promise<Record<string, string>> {
  const tarballs = temporaryFolder('stepscore-tarballs-');
  // The declarations of all six packages from one tsc (`pnpm build`'s first step): each prepack's own `tsc -b` then
  // finds its package up to date. Six tsc processes, each loading the libraries and its references' declarations
  // again, took 13 s more CPU (30.5 s against 17.5 s, measured cold at load 4-6).
  const built = await runCommand(process.execPath, [TSC, '-b', 'packages/stepscore/tsconfig.build.json'], { cwd: REPOSITORY_ROOT, env: cleanEnvironment() });
  expect(built.code, built.stdout + built.stderr).toBe(0);
  // One pnpm for all six packages (each still runs its prepack), in the order of their dependencies.
  const filters = PACKAGE_FOLDERS.map((folder) => `--filter=./${folder}`);
  const packed = await runCommand('pnpm', ['--recursive', ...filters, 'pack', '--pack-destination', tarballs], {
    cwd: REPOSITORY_ROOT,
    env: cleanEnvironment(),
  });
  expect(packed.code, packed.stderr).toBe(0);
  const files = readdirSync(tarballs);
  expect(files).toHaveLength(PACKAGE_FOLDERS.length);
  const tarball = (name: string) => {
    const file = name === 'stepscore' ? 'stepscore-0.1.0.tgz' : `stepscore-${name.slice('@stepscore/'.length)}-0.1.0.tgz`;
    expect(files).toContain(file);
    return placeInProject(join(tarballs, file));
  };
  const names = ['@stepscore/step-model', '@stepscore/dependency-resolver', '@stepscore/sagemaker', '@stepscore/step-builder', '@stepscore/harness'];
  return { stepscore: tarball('stepscore'), ...Object.fromEntries(names.map((n) => [n, tarball(n)])) };
}

function writeProject(packages: Record<string, string>): void {
  copyExternalProject(project);
  const { stepscore, ...internal } = packages;
  const manifest = {
    name: 'team-builders',
    private: true,
    type: 'module',
    scripts: { 'test:builders': 'vitest run' },
    devDependencies: { stepscore, vitest: '4.1.12' },
    // The internal packages come from their tarballs too, not from a registry.
    overrides: internal,
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(project, 'builders.test.ts'), "import { defineBuilderTests } from 'stepscore/vitest';\n\nawait defineBuilderTests();\n");
  writeFileSync(
    join(project, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { reporters: ['default', 'stepscore/vitest/reporter'] } });\n",
  );
}

describe("the packed stepscore package installed into a team's npm project", () => {
  let packages: Record<string, string>;
  beforeAll(async () => {
    project = projectFolder();
    packages = await tarballsInProject();
    writeProject(packages);
    const installed = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
      cwd: project,
      env: cleanEnvironment(),
    });
    expect(installed.code, installed.stderr).toBe(0);

    const out = join(temporaryFolder('stepscore-in-repository-'), 'latest');
    const run = await runStepscore(['score', '--config', join(EXTERNAL_PROJECT_FIXTURE, 'stepscore.config.ts'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    inRepository = scoredChecks(out, EXTERNAL_BUILDER);
  });

  it('holds the tarballs of the packages as they are', () => {
    // What npm installed each package from (npm/cli#1550: a kept project must not hold an earlier state's build).
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    // npm records the path relative to the project; the file's name holds the digest of its content.
    for (const [name, spec] of Object.entries(packages)) expect(basename(lock.packages[`node_modules/${name}`]?.resolved ?? ''), name).toBe(basename(spec));
  });

  it('holds compiled JavaScript and declarations, no TypeScript source', () => {
    for (const name of ['stepscore', '@stepscore/harness', '@stepscore/step-builder']) {
      const folder = join(project, 'node_modules', name);
      expect(existsSync(join(folder, 'dist', 'index.js')), name).toBe(true);
      expect(existsSync(join(folder, 'dist', 'index.d.ts')), name).toBe(true);
      expect(existsSync(join(folder, 'src')), name).toBe(false);
    }
    // The harness's JavaScript is its bundle (harness/scripts/bundle.ts): a few files side by side, the worker's entry among them.
    const harness = join(project, 'node_modules', '@stepscore', 'harness', 'dist');
    expect(existsSync(join(harness, 'worker-main.js'))).toBe(true);
    expect(readdirSync(harness, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js') && file.includes('/'))).toEqual([]);
  });

  it('`npx stepscore list` finds the project config and lists its builder', async () => {
    const run = await runCommand('npx', ['stepscore', 'list', '--json'], { cwd: project, env: cleanEnvironment() });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { builder: string }[]).map((b) => b.builder)).toEqual([EXTERNAL_BUILDER]);
  });

  it('`npx stepscore score` scores the builder as this repository scores it', async () => {
    const run = await runCommand('npx', ['stepscore', 'score', '--out', 'reports/latest'], { cwd: project, env: cleanEnvironment() });
    expect(run.code, run.stderr).toBe(0);
    const installed = scoredChecks(join(project, 'reports', 'latest'), EXTERNAL_BUILDER);
    expect(installed.checks.length).toBeGreaterThan(20);
    expect(installed).toEqual(inRepository);
  });

  it("the project's one-file test:builders runs one test per check, with the same results and score", async () => {
    const run = await runCommand('npm', ['run', '-s', 'test:builders'], { cwd: project, env: { ...cleanEnvironment(), NO_COLOR: '1' } });
    const statuses = inRepository.checks.map((c) => c.status);
    const passed = statuses.filter((s) => s === 'pass').length;
    const failed = statuses.filter((s) => s === 'fail' || s === 'error').length;
    const skipped = statuses.filter((s) => s === 'not_applicable').length;
    expect(run.code, run.stdout + run.stderr).toBe(failed > 0 ? 1 : 0);
    const stdout = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(stdout).toMatch(new RegExp(`Tests\\s+.*${failed > 0 ? `${failed} failed.*` : ''}${passed} passed.*${skipped} skipped`));
    expect(stdout).toMatch(
      new RegExp(`^[✓✗] ${EXTERNAL_BUILDER} {2}${Number(inRepository.overall).toFixed(1).replace('.', '\\.')} ${String(inRepository.rating)}`, 'm'),
    );
  });
});
