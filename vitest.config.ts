import { defineConfig } from 'vitest/config';
import LongestProjectsFirst from './harness/vitest/longest-projects-first.js';

// The AWS SDK warns on every run that releases after January 2027 need Node 22; the project pins its versions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Tests that start a process, a server or a browser, each in a project of its own (below). */
const OWN_PROJECTS = [
  'harness/test/cli/**',
  'harness/test/sharding/**',
  'harness/test/moto/**',
  'harness/test/browser/**',
  'harness/test/pack/**',
  'harness/test/repository-copy/**',
  'harness/test/runner/isolation.test.ts',
];

/** The one command test that mocks a module: exit-codes.test.ts fakes a failing run's results. */
const CLI_WITH_A_MOCKED_MODULE = 'harness/test/cli/exit-codes.test.ts';

// Projects:
//   unit      - unit tests of the domain packages, the builders and the harness, in one process without isolation
//   isolation - harness/test/runner/isolation.test.ts: builder workers stopped at time limits, and their crashes
//   cli       - the stepscore commands run whole (in process and as child processes), shard runs and nested vitest
//   cli-mocked - the exit codes, one of them from a faked run (vi.mock), isolated
//   builders  - `pnpm test:builders`: one test per check per registered builder
//   defects   - `pnpm test:defects`: every seeded defect caught by its declared check, and the detection rate
//   moto      - integration against a local moto_server (127.0.0.1 only)
//   browser   - the HTML report opened in headless Chromium
//   copy      - a copy of the repository with one more builder registered runs the tests that see the registry (nested vitest)
//   pack      - the packed tarballs installed into an npm project outside the repository
// `builders` runs first, alone in one worker: its level files share one run of the catalogue, which has worker
// threads of its own. Then all the other projects share a pool of two workers, so the projects that mostly wait on
// a child process or a timer (pack, moto, browser, cli, isolation) run beside the ones that compute, the longest
// first (harness/vitest/longest-projects-first.ts). vitest's default is one worker less than the cores: one on 2
// cores. isolation.test.ts's time limits leave ordinary checks ten times the time they take on a loaded machine
// (1 s against some 0.1 s), and its start-up case waits on a slow module, not on a race with the machine's load.
const AFTER_BUILDERS = { groupOrder: 1 };

export default defineConfig({
  test: {
    // The transformed modules are kept on disk, keyed by each file's path and content and the project's settings: the
    // projects share each file's transform in one run, and the next run starts from them. No plugin here transforms a
    // file from anything but its own content, which the key covers. In a folder of the checkout's own, not under
    // node_modules: a copy of the repository (one-more-builder.test.ts) links node_modules to this one's, and would
    // otherwise write its cache into this checkout's.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.vitest-module-cache' },
    reporters: ['default', './harness/vitest/score-table-reporter.ts', './harness/vitest/plain-summary-reporter.ts'],
    maxWorkers: 2,
    sequence: { sequencer: LongestProjectsFirst },
    projects: [
      {
        test: {
          name: 'unit',
          sequence: AFTER_BUILDERS,
          include: ['packages/*/test/**/*.test.ts', 'builders/**/*.test.ts', 'harness/test/**/*.test.ts'],
          exclude: [...OWN_PROJECTS, '**/node_modules/**'],
          // Isolation off: the files of a worker share one module graph, so the AWS SDK, zod, the checks and the
          // builders are loaded once per worker, not once per file (most files spend 20 times longer loading them
          // than testing). It is safe because no unit test leaves mutable state behind: none mocks a module
          // (vi.mock is only in cli/), the tests that change process.env, globals or the network modules
          // (runner/global-state, no-network) put them back, and every builder a test changes is a subclass or a
          // copy of its registration, never the registered one.
          isolate: false,
          // Two workers share the two cores with the builder worker threads some tests start: a test that takes
          // 1 s alone (a property over 100 inputs) can take more than vitest's default 5 s.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'cli',
          sequence: AFTER_BUILDERS,
          include: ['harness/test/cli/**/*.test.ts', 'harness/test/sharding/**/*.test.ts'],
          exclude: [CLI_WITH_A_MOCKED_MODULE, '**/node_modules/**'],
          // Isolation off, as in `unit`: each command run in process loads the CLI, the config and the builders
          // once per worker. No file here mocks a module; the one that changes process.env (score.test.ts,
          // NO_COLOR) and the one with fake timers (progress-line.test.ts) put them back.
          isolate: false,
        },
      },
      {
        test: {
          name: 'cli-mocked',
          sequence: AFTER_BUILDERS,
          // Isolated: it replaces the module that runs the checks (vi.mock), which no other file may see.
          include: [CLI_WITH_A_MOCKED_MODULE],
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
          name: 'isolation',
          sequence: AFTER_BUILDERS,
          include: ['harness/test/runner/isolation.test.ts'],
        },
      },
      {
        test: {
          name: 'defects',
          sequence: AFTER_BUILDERS,
          include: ['harness/defects/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'moto',
          sequence: AFTER_BUILDERS,
          // Isolation off: a worker loads the backends and the AWS SDK once for the three files (some 1 s of CPU).
          // Each file stops the servers it starts, and moto-backend.test.ts puts back the endpoint it sets.
          isolate: false,
          include: ['harness/test/moto/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'copy',
          sequence: AFTER_BUILDERS,
          include: ['harness/test/repository-copy/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'pack',
          sequence: AFTER_BUILDERS,
          include: ['harness/test/pack/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: AFTER_BUILDERS,
          include: ['harness/test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
