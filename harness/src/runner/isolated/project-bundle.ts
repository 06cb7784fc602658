// A project's modules (its builders' registry, its checks, its upstream steps), bundled for a worker that runs the
// bundled sources (source-bundle.ts). Loaded through tsx, they made each worker start tsx's loader thread and
// transpile the project's files one by one: some 40 % of a worker's start, and `pnpm test` starts many workers.
// Bundled, the worker imports plain JavaScript and starts no loader thread.
//
// The bundle keeps what Node would have loaded: an import of one of our packages by name gets the worker bundle's
// entry point (the copy the checks use, as bundled-packages-hook.mjs gives it to an unbundled project); a
// third-party package stays outside, imported from the very file Node's resolution picks; a module's
// `import.meta.url` is its own file's URL (with the query the module was named with, for an entry). A module that
// could not keep its meaning bundled (a CommonJS one, one that computes what it imports, uses import.meta otherwise
// or `__dirname`), a module that is not a file, or a build that fails leaves the worker to load the modules through
// tsx, as before.
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { nearestPackageJson } from '../../nearest-package-json.js';
import { buildingFolder, loadEsbuild, moveIntoPlace, removeOldBuilds, sourceFingerprint, WORKER_BUILD_OPTIONS, type WorkerBundle } from './source-bundle.js';

/** Module URL → the URL of the bundled file a worker imports instead. */
export type BundledModules = Readonly<Record<string, string>>;

const LOADERS: Readonly<Record<string, Loader>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};

const LAST_BUILD = 'last-build.json';
const output = (index: number): string => `module-${index}`;

/** Why a source could not be bundled without changing what it does, if it could not. */
export function notBundleable(source: string): string | undefined {
  if (/\bimport\s*\(\s*(?![\s'"`]|`[^`$]*`)/.test(source) || /\bimport\s*\(\s*`[^`]*\$\{/.test(source)) return 'it computes what it imports';
  if (/\bimport\.meta\b(?!\.(url|filename|dirname)\b)/.test(source)) return 'it uses import.meta for more than its own location';
  if (/\b__(dirname|filename)\b/.test(source)) return "it uses CommonJS's __dirname or __filename";
  return undefined;
}

/** Whether Node (and tsx) load the file as an ES module: bundled, a CommonJS module would export only a default. */
export function isEsModule(file: string): boolean {
  const extension = extname(file);
  if (extension === '.mts' || extension === '.mjs') return true;
  if (extension === '.cts' || extension === '.cjs') return false;
  const manifest = nearestPackageJson(file);
  return manifest !== undefined && (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
}

/** The source with its own location written in where it asks for it: bundled, import.meta would be the bundle's. */
export function withOwnLocation(source: string, url: string): string {
  const file = fileURLToPath(url);
  const location: Record<string, string> = { url, filename: file, dirname: dirname(file) };
  return source.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, key: string) => JSON.stringify(location[key]));
}

const RESOLVING = Symbol('resolving for the project bundle');

/** Resolves and loads the project's files as described at the top; the third-party files it leaves outside go in `outside`. */
function projectFiles(worker: WorkerBundle, entryUrls: ReadonlyMap<string, string>, outside: Set<string>): Plugin {
  return {
    name: 'stepscore-project-files',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const ours = worker.packages[args.path];
        if (ours) return { path: fileURLToPath(ours), external: true };
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        // A workspace package (`stepscore` in this repository) is sources like the project's own: bundled.
        if (!resolved.path.split(sep).includes('node_modules')) return { path: resolved.path };
        outside.add(resolved.path);
        return { path: resolved.path, external: true };
      });
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const reason = notBundleable(source);
        if (reason) return { errors: [{ text: `${args.path} cannot be bundled: ${reason}` }] };
        const url = entryUrls.get(args.path) ?? pathToFileURL(args.path).href;
        return { contents: withOwnLocation(source, url), loader: LOADERS[extname(args.path)] ?? 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

interface Plan {
  /** The modules' URLs, in the order of their outputs. */
  readonly urls: readonly string[];
  /** Each module's file, by its URL. */
  readonly files: ReadonlyMap<string, string>;
  /** Where this set of modules' builds live. */
  readonly home: string;
}

function plan(urls: readonly string[], worker: WorkerBundle): Plan | undefined {
  const sorted = [...new Set(urls)].sort();
  const files = new Map<string, string>();
  for (const url of sorted) {
    if (!url.startsWith('file:') || new URL(url).hash) return undefined;
    const file = fileURLToPath(url);
    if (!(extname(file) in LOADERS) || [...files.values()].includes(file) || !isEsModule(file)) return undefined;
    files.set(url, file);
  }
  const key = createHash('sha256').update(sorted.join('\0')).digest('hex').slice(0, 20);
  return { urls: sorted, files, home: join(worker.folder, 'projects', key) };
}

function modulesAt(folder: string, urls: readonly string[]): BundledModules {
  return Object.fromEntries(urls.map((url, index) => [url, pathToFileURL(join(folder, `${output(index)}.js`)).href]));
}

/** What the last build was made from: the files bundled and their manifests, and the third-party files it imports. */
interface LastBuild {
  readonly files: readonly string[];
  readonly outside: readonly string[];
}

/** The build of the files as they are now, if the last build's files are unchanged and what it imports is still there. */
function lastBuild(home: string, esbuildVersion: string): string | undefined {
  try {
    const { files, outside } = JSON.parse(readFileSync(join(home, LAST_BUILD), 'utf8')) as LastBuild;
    const folder = join(home, sourceFingerprint([], esbuildVersion, files));
    return existsSync(join(folder, `${output(0)}.js`)) && outside.every((file) => existsSync(file)) ? folder : undefined;
  } catch {
    // None yet, or one of its files is gone.
    return undefined;
  }
}

async function build({ urls, files, home }: Plan, worker: WorkerBundle): Promise<string> {
  const esbuild = loadEsbuild();
  mkdirSync(home, { recursive: true });
  const building = buildingFolder(join(home, 'next'));
  const started = Date.now();
  const entryUrls = new Map(urls.map((url) => [files.get(url)!, url]));
  const outside = new Set<string>();
  // esbuild names its inputs from the working folder's real path, which a link (a node_modules shared with another
  // checkout) can put at another depth than the path we know it by.
  const workingFolder = realpathSync(worker.folder);
  const result = await esbuild.build({
    absWorkingDir: workingFolder,
    entryPoints: urls.map((url, index) => ({ in: files.get(url)!, out: output(index) })),
    outdir: building,
    ...WORKER_BUILD_OPTIONS,
    // Node's own conditions: no `module`, which esbuild adds by default.
    conditions: [],
    metafile: true,
    plugins: [projectFiles(worker, entryUrls, outside)],
  });
  const bundled = Object.keys(result.metafile.inputs).map((input) => join(workingFolder, input));
  // A manifest decides how its files load, and its dependencies which files the bundle imports.
  const manifests = bundled.map(nearestPackageJson).filter((m): m is string => m !== undefined);
  const inputs = [...new Set([...bundled, ...manifests])];
  // A file changed while it was being bundled: this build serves this worker, and the next start builds again.
  const settled = inputs.every((file) => statSync(file).mtimeMs < started);
  const folder = settled ? join(home, sourceFingerprint([], esbuild.version, inputs)) : `${building}.unsettled`;
  moveIntoPlace(building, folder, `${output(0)}.js`);
  if (settled) {
    const written = `${join(home, LAST_BUILD)}.${process.pid}`;
    writeFileSync(written, JSON.stringify({ files: inputs, outside: [...outside] } satisfies LastBuild));
    renameSync(written, join(home, LAST_BUILD));
    removeOldBuilds(home, folder);
  }
  return folder;
}

/** Builds under way in this process, so that the workers a run starts at once share one. */
const underWay = new Map<string, Promise<string>>();

/**
 * The project's modules bundled for a worker running `worker`, built now unless a build of their files as they are
 * is at hand; undefined when they are to be loaded as they are (see the top).
 */
export async function bundledProjectModules(urls: readonly string[], worker: WorkerBundle): Promise<BundledModules | undefined> {
  try {
    const planned = plan(urls, worker);
    if (!planned) return undefined;
    const esbuildVersion = loadEsbuild().version;
    let folder = lastBuild(planned.home, esbuildVersion);
    if (!folder) {
      let building = underWay.get(planned.home);
      if (!building) {
        building = build(planned, worker).finally(() => underWay.delete(planned.home));
        underWay.set(planned.home, building);
      }
      folder = await building;
    }
    return modulesAt(folder, planned.urls);
  } catch {
    // tsx, loading the modules as they are, reports what is wrong with one of them (or with a package.json).
    return undefined;
  }
}
