// Run from TypeScript source (this repository's `pnpm score`, `pnpm test`, `pnpm bench`), a builder worker would
// load some 270 modules of ours through tsx's loader thread, about a millisecond of CPU each, before its first
// builder; `pnpm test` starts some 55 workers. Instead the worker loads the same sources bundled by esbuild (as the
// installed package is, harness/scripts/bundle.ts): built once for each state of the sources, and kept in
// harness/node_modules/.cache/stepscore-worker/<fingerprint of the sources>/, where the bundle's imports of the
// harness's dependencies resolve as they do from harness/src.
//
// One copy of every module in the worker: the packages and the harness's index are entry points of the one build,
// so the worker's modules share their code through its chunks, and a project's modules (the builders, a config,
// its checks), which import `@stepscore/*` by name, are given those entry points, bundled beside it
// (project-bundle.ts) or, loaded as they are, by the worker's resolve hook (bundled-packages-hook.mjs, registered by
// module-loader.ts): they extend the very classes the checks test with instanceof.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errorMessage } from '../../error-message.js';

/** The bundled worker: its entry, and the entry point of each package a project's module may import by name. */
export interface WorkerBundle {
  /** The folder it was built into. */
  readonly folder: string;
  readonly entry: string;
  /** Bare specifier → file URL of its entry point in the bundle. */
  readonly packages: Readonly<Record<string, string>>;
}

const HARNESS = fileURLToPath(new URL('../../../', import.meta.url));
const WORKSPACE = dirname(HARNESS);
const CACHE = join(HARNESS, 'node_modules', '.cache', 'stepscore-worker');

/** Our packages a project's module may import, by the name it imports, and the output name of each. */
const PACKAGE_OUTPUTS: Readonly<Record<string, string>> = {
  '@stepscore/step-model': 'step-model',
  '@stepscore/dependency-resolver': 'dependency-resolver',
  '@stepscore/sagemaker': 'sagemaker',
  '@stepscore/step-builder': 'step-builder',
  '@stepscore/harness': 'harness',
};
const WORKER_OUTPUT = 'worker-main';

interface Entry {
  readonly out: string;
  /** The source file, its real path: the one the harness's own imports of the package resolve to. */
  readonly source: string;
}

/** The worker's entry and each package's, as the harness resolves them (a copy of the repository may link the original's packages). */
function entries(): Entry[] {
  const requireFromHarness = createRequire(join(HARNESS, 'package.json'));
  const packageEntry = (name: string): string => (name === '@stepscore/harness' ? join(HARNESS, 'src', 'index.ts') : requireFromHarness.resolve(name));
  return [
    { out: WORKER_OUTPUT, source: join(HARNESS, 'src', 'runner', 'isolated', 'worker-main.ts') },
    ...Object.entries(PACKAGE_OUTPUTS).map(([name, out]) => ({ out, source: packageEntry(name) })),
  ];
}

/** The folders the bundle is built from (each package's src/, the harness's): any change in them means another bundle. */
function sourceFolders(bundled: readonly Entry[]): string[] {
  return [...new Set(bundled.filter((e) => e.out !== WORKER_OUTPUT).map((e) => dirname(e.source)))];
}

/** Anything this changes (the build's options) must give another fingerprint. */
const BUILD_VERSION = '1';

/** The package.json files whose dependencies the bundle leaves out: the workspace's, the harness's and each package's. */
function manifests(bundled: readonly Entry[]): string[] {
  return [WORKSPACE, ...new Set(bundled.map((e) => dirname(dirname(e.source))))]
    .map((folder) => join(folder, 'package.json'))
    .filter((file) => existsSync(file));
}

/** The files besides the sources that shape the bundle: the manifests, and the TypeScript settings esbuild reads. */
function settingsFiles(bundled: readonly Entry[]): string[] {
  const tsconfig = join(WORKSPACE, 'tsconfig.json');
  return existsSync(tsconfig) ? [...manifests(bundled), tsconfig] : manifests(bundled);
}

/** Third-party packages stay outside the bundle, one copy of each in the worker: the mock backend tells the SDK's commands apart with instanceof. */
function thirdPartyPackages(bundled: readonly Entry[]): string[] {
  const names = new Set<string>();
  for (const manifestFile of manifests(bundled)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) if (!name.startsWith('@stepscore/')) names.add(name);
    }
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

/**
 * A digest of the path, size and modification time of every file in the folders and of the other files given, and of
 * the Node and esbuild versions.
 */
export function sourceFingerprint(folders: readonly string[], esbuildVersion: string, files: readonly string[] = []): string {
  const hash = createHash('sha256').update(`${BUILD_VERSION}\0${process.version}\0${esbuildVersion}\0`);
  const add = (file: string) => {
    const stats = statSync(file);
    if (stats.isFile()) hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\0`);
  };
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) add(join(folder, file));
  }
  for (const file of files) add(file);
  return hash.digest('hex').slice(0, 20);
}

function bundleAt(folder: string): WorkerBundle {
  const url = (out: string) => pathToFileURL(join(folder, `${out}.js`)).href;
  return { folder, entry: url(WORKER_OUTPUT), packages: Object.fromEntries(Object.entries(PACKAGE_OUTPUTS).map(([name, out]) => [name, url(out)])) };
}

export type Esbuild = typeof import('esbuild');

/** How both the worker's bundle and a project's (project-bundle.ts) are built: ES modules for Node 20 sharing code through chunks. */
export const WORKER_BUILD_OPTIONS = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  logLevel: 'silent',
} as const satisfies import('esbuild').BuildOptions;

/** esbuild, which bundles the sources, when it is installed. */
export function loadEsbuild(): Esbuild {
  return createRequire(import.meta.url)('esbuild') as Esbuild;
}

/** Where a build goes before it is moved into `folder` (moveIntoPlace). */
export const buildingFolder = (folder: string): string => `${folder}.${process.pid}.${Date.now()}.building`;

/**
 * Moves a finished build into its place. Built beside it and renamed: two runs that build at once each rename a
 * complete one, and the second finds the first's in place (holding `marker`).
 */
export function moveIntoPlace(building: string, folder: string, marker: string): void {
  try {
    renameSync(building, folder);
  } catch (error) {
    if (!existsSync(join(folder, marker))) throw error;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

function build(esbuild: Esbuild, bundled: readonly Entry[], folder: string): void {
  const building = buildingFolder(folder);
  try {
    esbuild.buildSync({
      absWorkingDir: HARNESS,
      entryPoints: bundled.map(({ out, source }) => ({ in: source, out })),
      outdir: building,
      ...WORKER_BUILD_OPTIONS,
      external: thirdPartyPackages(bundled),
    });
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  moveIntoPlace(building, folder, `${WORKER_OUTPUT}.js`);
}

const AN_HOUR_MS = 60 * 60 * 1000;

/**
 * The folders in `parent` but `keep` last changed an hour ago or more: bundles of earlier states of the sources (each
 * edit of a source makes another, about 0.75 MB), which a run that chose one has long started its workers from.
 */
export function removeOldBuilds(parent: string, keep: string): void {
  for (const name of readdirSync(parent)) {
    const folder = join(parent, name);
    if (folder !== keep && Date.now() - statSync(folder).mtimeMs > AN_HOUR_MS) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The bundle of the current sources, built now if there is none yet; undefined when the workers should load the
 * sources themselves: `STEPSCORE_UNBUNDLED_WORKERS=1` asks for that, and it is what happens when esbuild is missing
 * or cannot bundle them (tsx then reports what is wrong with a source file as it loads it).
 */
export function sourceWorkerBundle(env: NodeJS.ProcessEnv = process.env): WorkerBundle | undefined {
  if (env.STEPSCORE_UNBUNDLED_WORKERS === '1') return undefined;
  // Looked up for each worker (the sources' file times: some 10 ms), not once per process: a watching test runner
  // starts workers again after an edit.
  try {
    const esbuild = loadEsbuild();
    const bundled = entries();
    const folder = join(CACHE, sourceFingerprint(sourceFolders(bundled), esbuild.version, settingsFiles(bundled)));
    if (!existsSync(join(folder, `${WORKER_OUTPUT}.js`))) {
      mkdirSync(CACHE, { recursive: true });
      build(esbuild, bundled, folder);
      removeOldBuilds(CACHE, folder);
    }
    return bundleAt(folder);
  } catch (error) {
    process.emitWarning(`Builder workers load the TypeScript sources, since they could not be bundled: ${errorMessage(error)}`);
    return undefined;
  }
}
