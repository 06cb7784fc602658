// `pnpm test:mutation`: how much of the builders' behaviour the harness's own checks notice. Each mutant (a small
// change to a builder or a builder base) is judged by `test:builders` alone — never by the builders' unit tests —
// so the score measures the harness, not the builders' authors. See MUTATION.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps packages out of each other's reach: name the runner plugin so Stryker loads it from here.
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: [
    'builders/**/*.ts',
    '!builders/**/*.test.ts',
    '!builders/test-fixtures/**',
    'packages/step-builder/src/builder/**/*.ts',
    'packages/step-builder/src/config/**/*.ts',
  ],
  // The checks run each builder in a worker thread of its own, where Stryker's per-test coverage cannot reach:
  // every mutant runs the whole of test:builders.
  coverageAnalysis: 'off',
  // The workspace packages resolve through node_modules symlinks to the repository itself, so a sandbox copy would
  // leave the builder bases unmutated: mutate in place (Stryker restores every file when it ends).
  inPlace: true,
  concurrency: 2,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
