// The JavaScript of the installed packages: each package's modules bundled by esbuild into a few files in its
// dist/, beside the declarations tsc emits there (their tsconfig.build.json emit only those). Run by each
// package's prepack (after tsc, on the package it runs in) and by `pnpm build` (on all of them):
//   tsx harness/scripts/bundle.ts [package folder ...]
//
// Why: a cold `stepscore score` waits for its worker to load the checks' module graph, some 230 modules of ours,
// and Node 20 spends about a millisecond on each module it loads; bundled, they load in a fraction of that (BENCHMARKS.md).
//
// What the layout must keep:
// - One copy of every module in a process. The harness's entry points share their modules through chunks
//   (splitting), so the CLI, the package's index (what a project's config and checks import), the vitest helper
//   and the worker all use the same PrerequisiteError, the same check context, the same registries.
// - Every package stays outside every other package's bundle: @stepscore/* (a project's builders import them and
//   must extend the same classes the checks test with instanceof), the AWS SDK (the mock backend tells the
//   commands it is sent apart with instanceof), zod, tsx, and the rest.
// - A package's files in one folder: a module that names another by its place beside it (builder-worker.ts
//   starts ./worker-main.js) or finds the package.json above it (own-package.ts) finds it from whichever file it
//   was bundled into.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each bundled package's entry points (output name → source), by package name. */
export const BUNDLES: Readonly<Record<string, { readonly folder: string; readonly entries: Readonly<Record<string, string>> }>> = {
  '@stepscore/step-model': { folder: 'packages/step-model', entries: { index: 'src/index.ts' } },
  '@stepscore/dependency-resolver': { folder: 'packages/dependency-resolver', entries: { index: 'src/index.ts' } },
  '@stepscore/sagemaker': { folder: 'packages/sagemaker', entries: { index: 'src/index.ts' } },
  '@stepscore/step-builder': { folder: 'packages/step-builder', entries: { index: 'src/index.ts' } },
  // Each export of the package (package.json publishConfig), and the worker's entry.
  '@stepscore/harness': {
    folder: 'harness',
    entries: {
      index: 'src/index.ts',
      cli: 'src/cli/main.ts',
      vitest: 'src/vitest/index.ts',
      'vitest-reporter': 'src/vitest/score-table-reporter.ts',
      'worker-main': 'src/runner/isolated/worker-main.ts',
    },
  },
};

async function bundle(folder: string): Promise<void> {
  const { name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string };
  const spec = BUNDLES[name];
  if (!spec) throw new Error(`${folder}: ${name} is not a bundled package (${Object.keys(BUNDLES).join(', ')})`);
  const dist = join(folder, 'dist');
  // The bundle is the only JavaScript in dist/: an earlier build's chunks (named by content) would stay otherwise.
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.js')) rmSync(join(dist, file));
  }
  const entries = Object.entries(spec.entries);
  await build({
    absWorkingDir: folder,
    entryPoints: entries.map(([out, entry]) => ({ in: entry, out })),
    outdir: dist,
    bundle: true,
    splitting: entries.length > 1,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
}

const folders = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : Object.values(BUNDLES).map((b) => join(ROOT, b.folder));
for (const folder of folders) await bundle(folder);
