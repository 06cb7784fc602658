import { defineConfig } from 'vitest/config';

// The AWS SDK warns on every run that releases after January 2027 need Node 22; the project pins its versions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Projects:
//   unit      - unit tests of the domain packages, the builders and the harness
//   builders  - `pnpm test:builders`: one test per check per registered builder
//   defects   - `pnpm test:defects`: every seeded defect caught by its declared check, and the detection rate
//   moto      - integration against a local moto_server (127.0.0.1 only)
//   browser   - the HTML report opened in headless Chromium
//   pack      - the packed tarballs installed into a fresh npm project outside the repository (slow: npm install)
export default defineConfig({
  test: {
    reporters: ['default', './harness/vitest/score-table-reporter.ts', './harness/vitest/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'builders/**/*.test.ts', 'harness/test/**/*.test.ts'],
          exclude: ['harness/test/moto/**', 'harness/test/browser/**', 'harness/test/pack/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'builders',
          // One file per level, so `--shard i/n` (n ≤ 4) splits the run and `--merge-reports` joins it.
          include: ['harness/vitest/builders-level*.test.ts'],
          // The level files of a run share one process and one run of the catalogue (define-builder-tests.ts):
          // a process and a worker pool per file cost four times the start-up (9 s instead of 4 s cold).
          isolate: false,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'defects',
          include: ['harness/defects/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'moto',
          include: ['harness/test/moto/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pack',
          include: ['harness/test/pack/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['harness/test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
