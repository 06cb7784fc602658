// The harness's JavaScript as installed: its modules bundled by esbuild into a few files in dist/, beside the
// declarations tsc emits there (tsconfig.build.json emits only those). Run by the package's prepack and by
// `pnpm build`, after tsc:  tsx scripts/bundle.ts
//
// Why: a cold `stepscore score` waits for its worker to load the checks' module graph, about 180 modules of
// ours, and Node 20 spends about a millisecond on each module it loads; bundled, they load in a tenth of that.
//
// What the layout must keep:
// - One copy of every harness module in a process. The entry points share their modules through chunks
//   (splitting), so the CLI, the package's index (what a project's config and checks import), the vitest helper
//   and the worker all use the same PrerequisiteError, the same check context, the same registries.
// - Every package stays outside: @stepscore/* (a project's builders import them, and must extend the same
//   classes the checks test with instanceof), the AWS SDK (aws-sdk-client-mock must replace the one client class
//   every caller constructs), zod, tsx, and the rest.
// - Every file in one folder: a module that names another by its place beside it (builder-worker.ts starts
//   ./worker-main.js) or finds the package.json above it (own-package.ts) finds it from whichever file it was
//   bundled into.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HARNESS = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(HARNESS, 'dist');

/** The bundle's entry points: each export of the package (package.json publishConfig) and the worker. */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  index: 'src/index.ts',
  cli: 'src/cli/main.ts',
  vitest: 'src/vitest/index.ts',
  'vitest-reporter': 'src/vitest/score-table-reporter.ts',
  // builder-worker.ts starts it by its place beside it.
  'worker-main': 'src/runner/isolated/worker-main.ts',
};

// The bundle is the only JavaScript in dist/: an earlier build's chunks (named by content) would stay otherwise.
for (const file of readdirSync(DIST, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.js')) rmSync(join(DIST, file));
}

await build({
  absWorkingDir: HARNESS,
  entryPoints: Object.entries(ENTRY_POINTS).map(([out, entry]) => ({ in: entry, out })),
  outdir: DIST,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
