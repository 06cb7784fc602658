// Loads a user's module by path: their stepscore.config.ts, the module that exports their builders, their own
// checks. TypeScript (.ts, .mts, .cts, .tsx) loads without a build step through tsx, registered once for the
// whole process (or worker) with `register()` from tsx/esm/api.
//
// Why tsx: it is already what runs this repository (`pnpm stepscore`, the worker boot), it is built on esbuild,
// is actively maintained, and handles ESM, NodeNext `.js` specifiers that name `.ts` files, and tsconfig paths.
// Why a global `register()` rather than `tsImport()` or jiti: both of those give the loaded file its own module
// graph, so a user's builder would extend a *second copy* of TrainingStepBuilder and every `instanceof` the checks
// make would fail. Registered globally, the user's builders and our checks share one copy of every package.
// Plain JavaScript (ours, compiled, and a user's .js/.mjs) is imported as it is: tsx is only registered when a
// TypeScript file is about to be loaded.
import { register as registerHooks } from 'node:module';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

let registered: Promise<void> | undefined;
let prepared: Promise<typeof import('tsx/esm/api')> | undefined;

/** Our packages in the bundle a worker runs from source (source-bundle.ts), and the hook that gives them to a project's modules. */
export interface BundledPackages {
  /** Bare specifier → file URL of the package's entry point in the bundle. */
  readonly packages: Readonly<Record<string, string>>;
  /** bundled-packages-hook.mjs's URL. */
  readonly resolveHook: string;
}

let bundledPackages: BundledPackages | undefined;
let packagesHookRegistered = false;
let bundledModules: Readonly<Record<string, string>> = {};

/**
 * In a worker running the bundled sources: the project's modules, which import our packages by name, are to get
 * the bundle's copies, the ones the checks use. The hook is registered when the first of them loads, so that the
 * bundle's own modules load without a loader thread.
 */
export function resolveOurPackagesTo(bundled: BundledPackages): void {
  bundledPackages = bundled;
}

/**
 * In a worker running the bundled sources: the project's modules that were bundled with them (project-bundle.ts),
 * by URL, and the bundled file importModule loads for each instead.
 */
export function loadBundledModulesFrom(modules: Readonly<Record<string, string>>): void {
  bundledModules = modules;
}

function registerPackagesHook(): void {
  if (!bundledPackages || packagesHookRegistered) return;
  packagesHookRegistered = true;
  registerHooks(bundledPackages.resolveHook, { data: bundledPackages.packages });
}

/** True when this module itself runs as TypeScript source: someone (tsx, vitest) already transpiles for us. */
const runningFromSource = import.meta.url.endsWith('.ts');

export function isTypeScriptFile(path: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(extname(new URL(toUrl(path)).pathname));
}

/** A file URL for an absolute path or a URL string. */
export function toUrl(location: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location) ? location : pathToFileURL(location).href;
}

/**
 * What a project's config, builders and checks import from us, loaded before tsx is registered: once it is,
 * every import resolves through tsx's loader thread (about a millisecond a module), so only the project's own
 * files should be left to load that way.
 */
async function preloadWhatProjectsImport(): Promise<void> {
  await Promise.all([import('@stepscore/step-builder'), import('@stepscore/step-model'), import('@stepscore/sagemaker'), import('zod'), import('../index.js')]);
}

/**
 * Loads what registering tsx needs (what projects import, tsx's API) without registering it: a worker does this
 * while it waits to be told its project, so that loading the project's TypeScript later starts at once.
 */
export async function prepareTypeScript(): Promise<void> {
  // Running as source (under `tsx` or vitest's transform), whatever loads us already transpiles TypeScript.
  if (!runningFromSource) await tsxApi();
}

function tsxApi(): Promise<typeof import('tsx/esm/api')> {
  prepared ??= preloadWhatProjectsImport().then(() => import('tsx/esm/api'));
  return prepared;
}

async function registerTypeScript(): Promise<void> {
  if (runningFromSource) return;
  registered ??= tsxApi().then(({ register }) => {
    register();
  });
  await registered;
}

/** The module's namespace; TypeScript files go through tsx, unless they were bundled (loadBundledModulesFrom). */
export async function importModule(location: string): Promise<Record<string, unknown>> {
  const url = toUrl(location);
  const bundled = bundledModules[url];
  if (bundled) return (await import(bundled)) as Record<string, unknown>;
  registerPackagesHook();
  if (!isTypeScriptFile(url)) return (await import(url)) as Record<string, unknown>;
  await registerTypeScript();
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    // tsx loads a .ts file as CommonJS unless its package.json says "type": "module"; the `stepscore` package is ESM.
    if (
      error instanceof Error &&
      /require\(\) ES Module|Cannot use import statement outside a module|ERR_REQUIRE_(ESM|CYCLE_MODULE)/.test(
        `${error.message} ${String((error as NodeJS.ErrnoException).code)}`,
      )
    ) {
      error.message += ' (TypeScript files load as ES modules only when the nearest package.json has "type": "module", or when they are .mts files)';
    }
    throw error;
  }
}
