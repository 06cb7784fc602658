// "Adding a builder is its folder plus one registry line, and breaks no existing test", shown rather than argued:
// a copy of this repository (kept between runs: see MODULE_CACHE) gets one more builder folder (TabularTraining, written
// against the public API) and its line in builders/registry.ts, exactly as README's "Adding a builder" says, and then
// runs, in one vitest run (see nestedRun),
//   - every unit and cli test that sees the registered builders (the test files whose imports reach the modules through
//     which tests reach them: the repository's config, builders/registry.ts, the CLI; the files `vitest related` picks),
//   - the defect corpus's clean run of every registered builder, and
//   - the whole builders project (test:builders), which must now test the new builder too.
// Tests that import no path to the registry cannot see a new builder; that part holds by construction.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTERNAL_BUILDER,
  EXTERNAL_PROJECT_FIXTURE,
  removeTemporaryFolders,
  REPOSITORY_ROOT,
  runCommand,
  temporaryFolder,
} from '../support/external-project.js';
import { type KeptFolder, takeKeptFolder } from '../support/kept-folder.js';
import { relatedTestFiles } from '../support/related-test-files.js';

const VITEST = join(REPOSITORY_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/** The files a test reaches the registered builders through. */
const REGISTRY_ENTRY_POINTS = ['builders/registry.ts', 'stepscore.config.ts', 'harness/test/support/repository-project.ts', 'harness/test/cli/cli-runner.ts'];

/**
 * cli files related only because they import cli-runner.ts (the CLI loads this repository's config at run time,
 * which the module graph cannot show), though none of their commands loads it: external-config.test.ts names
 * another project's config (or a broken one) in every command, program.test.ts runs help, the version, match and
 * commands refused before they load anything. The registry cannot change their outcome; run again in the copy
 * they cost some 8 s of CPU (two child processes, a score of the external project).
 */
const NOT_LOADING_THE_REPOSITORY_CONFIG = ['harness/test/cli/external-config.test.ts', 'harness/test/cli/program.test.ts'];

/**
 * vitest.config.ts keeps transformed modules on disk, in the checkout, keyed by each file's path and content: the
 * copy's paths are its own. The copy is therefore kept between runs at one place per checkout, its module cache with
 * it, so that the next run's vitest processes in the copy (the nested run, and the shard runs of one of its files)
 * need not transform every module again: some 5 s of CPU and 4 s of this test's time. A run that finds that place
 * held by another (two `pnpm test` at once) copies into a folder of its own and leaves the cache off (writing it
 * would cost some 3 s of CPU for nothing).
 */
const MODULE_CACHE = '.vitest-module-cache';
/** Past this many cached modules (some 1,150 after a run, 7 MB; each edit adds those it changes) the copy's cache starts again. */
const MAX_CACHED_MODULES = 6_000;
let keptCopy: KeptFolder | undefined;
/** The nested run's flags: the module cache off in a copy of its own (see MODULE_CACHE). */
const moduleCacheFlags = (): string[] => (keptCopy ? [] : ['--experimental.fsModuleCache=false']);

/** This run's environment without vitest's own variables (and without NO_COLOR: the copy's colour tests need it unset). */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(vitest|__vitest)/i.test(name) && name !== 'NO_COLOR'));
}

let copy: string;

const DEFECT_CORPUS_FILE = 'harness/defects/defect-corpus.test.ts';
const CLEAN_RUN_TEST = 'the clean registered builders fail no check';
/** The builders project's four level files, by the start of their paths. */
const BUILDERS_LEVEL_FILES = 'harness/vitest/builders-level';
/** The repository's reporters (vitest.config.ts), which a `--reporter` flag replaces, and the JSON one. */
const NESTED_REPORTERS = ['default', './harness/vitest/score-table-reporter.ts', 'json'];

interface NestedFile {
  /** Relative to the copy. */
  readonly path: string;
  readonly status: string;
  /** The titles of its tests that passed. */
  readonly passed: readonly string[];
}

interface NestedRun {
  /** The unit and cli test files related to the registry, which the run ran whole. */
  readonly related: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly files: readonly NestedFile[];
  /** The lines of the output that tell what failed, for the assertions' messages. */
  readonly failures: string;
}

let nested: Promise<NestedRun> | undefined;

/**
 * The three parts in one vitest run, of which each test below judges its own part: one start of vitest in the copy
 * (its config, its projects, its workers) instead of three. The defect corpus's file is filtered to its clean run by
 * line (`file:line`), so that the other files run whole.
 */
const nestedRun = (): Promise<NestedRun> => {
  nested ??= runNested();
  return nested;
};

async function runNested(): Promise<NestedRun> {
  const unitProjects = ['unit', 'cli', 'cli-mocked'].flatMap((name) => ['--project', name]);
  const listed = await runCommand(process.execPath, [VITEST, 'list', '--filesOnly', '--json', ...unitProjects], { cwd: copy, env: cleanEnvironment() });
  expect(listed.code, listed.stderr).toBe(0);
  const testFiles = (JSON.parse(listed.stdout) as { file: string }[]).map(({ file }) => relative(copy, file));
  const related = (await relatedTestFiles(copy, testFiles, REGISTRY_ENTRY_POINTS))
    .map((file) => relative(copy, file))
    .filter((file) => !NOT_LOADING_THE_REPOSITORY_CONFIG.includes(file));

  const cleanRunLine =
    readFileSync(join(copy, DEFECT_CORPUS_FILE), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(`'${CLEAN_RUN_TEST}'`)) + 1;
  expect(cleanRunLine, `${DEFECT_CORPUS_FILE} has no test named '${CLEAN_RUN_TEST}'`).toBeGreaterThan(0);
  const report = join(temporaryFolder('stepscore-nested-report-'), 'report.json');
  const run = await runCommand(
    process.execPath,
    [
      VITEST,
      'run',
      ...moduleCacheFlags(),
      // One worker per project: the unit and cli files load their modules once, not once in each of two workers
      // (some 4 s less CPU; alone, the run takes some 3 s longer, but in `pnpm test` the other core is not idle).
      '--maxWorkers=1',
      ...unitProjects,
      ...['defects', 'builders'].flatMap((name) => ['--project', name]),
      ...NESTED_REPORTERS.map((reporter) => `--reporter=${reporter}`),
      `--outputFile.json=${report}`,
      ...related,
      `${DEFECT_CORPUS_FILE}:${cleanRunLine}`,
      BUILDERS_LEVEL_FILES,
    ],
    { cwd: copy, env: cleanEnvironment() },
  );
  const stdout = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const failures = `${stdout
    .split('\n')
    .filter((l) => /FAIL|×|Error/.test(l))
    .join('\n')}\n${run.stderr}`;
  expect(existsSync(report), failures).toBe(true);
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults: { name: string; status: string; assertionResults: { title: string; status: string }[] }[];
  };
  const files = results.testResults.map((file) => ({
    path: relative(copy, file.name),
    status: file.status,
    passed: file.assertionResults.filter((test) => test.status === 'passed').map((test) => test.title),
  }));
  return { related, code: run.code, stdout, files, failures };
}

/** The kept copy's folder, emptied but for its module cache; a temporary folder when another run holds it. */
function copyFolder(): string {
  keptCopy = takeKeptFolder('stepscore-repository-copy-', REPOSITORY_ROOT, [MODULE_CACHE]);
  if (!keptCopy) return temporaryFolder('stepscore-repository-copy-');
  const cache = join(keptCopy.path, MODULE_CACHE);
  if (existsSync(cache) && readdirSync(cache).length > MAX_CACHED_MODULES) rmSync(cache, { recursive: true, force: true });
  return keptCopy.path;
}

async function copyRepository(): Promise<string> {
  const folder = copyFolder();
  const listed = await runCommand('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPOSITORY_ROOT });
  expect(listed.code, listed.stderr).toBe(0);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    try {
      cpSync(join(REPOSITORY_ROOT, file), join(folder, file), { recursive: true });
    } catch (error) {
      // A file deleted in the working tree but still in the index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  // The installed dependencies are shared, not copied.
  for (const modules of [
    'node_modules',
    'harness/node_modules',
    ...['step-model', 'dependency-resolver', 'sagemaker', 'step-builder', 'stepscore'].map((p) => `packages/${p}/node_modules`),
  ]) {
    symlinkSync(join(REPOSITORY_ROOT, modules), join(folder, modules), 'dir');
  }
  return folder;
}

/** README's two steps: the builder's folder, and one line (and its import) in builders/registry.ts. */
function registerOneMoreBuilder(folder: string): void {
  cpSync(join(EXTERNAL_PROJECT_FIXTURE, 'builders', 'tabular-training'), join(folder, 'builders', 'tabular-training'), { recursive: true });
  const registry = join(folder, 'builders', 'registry.ts');
  const text = readFileSync(registry, 'utf8');
  const lastImport = text.lastIndexOf('\nimport ');
  const afterImports = text.indexOf('\n', lastImport + 1) + 1;
  const end = text.lastIndexOf(']);');
  expect(lastImport).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(afterImports);
  const withImport = `${text.slice(0, afterImports)}import { tabularTraining } from './tabular-training/index.js';\n${text.slice(afterImports, end)}  tabularTraining,\n${text.slice(end)}`;
  writeFileSync(registry, withImport);
}

describe('registering one more builder folder in a copy of the repository', () => {
  beforeAll(async () => {
    copy = await copyRepository();
    registerOneMoreBuilder(copy);
  });
  afterAll(() => {
    keptCopy?.release();
    removeTemporaryFolders();
  });

  it('the registry lists it', async () => {
    const run = await runCommand(process.execPath, ['--import', 'tsx', 'harness/src/cli/main.ts', 'list', '--json'], { cwd: copy, env: cleanEnvironment() });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { builder: string }[]).map((b) => b.builder)).toContain(EXTERNAL_BUILDER);
  });

  it('breaks no unit test that sees the registered builders', async () => {
    const run = await nestedRun();
    const { related } = run;
    expect(run.code !== 0 && run.files.every((file) => file.status === 'passed'), `the nested run failed outside its test files\n${run.failures}`).toBe(false);
    expect(related.filter((file) => file.startsWith('harness/test/cli/')).length, 'cli files among the related ones').toBeGreaterThan(3);
    // In the order of their paths: the run reports its files in the order they finished.
    const relatedFiles = run.files.filter((file) => related.includes(file.path)).sort((a, b) => a.path.localeCompare(b.path));
    expect(relatedFiles, run.failures).toEqual(
      [...related].sort((a, b) => a.localeCompare(b)).map((path) => expect.objectContaining({ path, status: 'passed' })),
    );
  });

  it("the defect corpus's clean run takes it in and it fails no check", async () => {
    // The seeded defects themselves are copies of named builders: a new builder cannot change them.
    const run = await nestedRun();
    expect(
      run.files.find((file) => file.path === DEFECT_CORPUS_FILE),
      run.failures,
    ).toEqual({
      path: DEFECT_CORPUS_FILE,
      status: 'passed',
      passed: [CLEAN_RUN_TEST],
    });
  });

  it('test:builders tests it along with the others, and passes', async () => {
    const run = await nestedRun();
    const levels = run.files.filter((file) => file.path.startsWith(BUILDERS_LEVEL_FILES));
    expect(levels.length).toBe(4);
    expect(
      levels.filter((file) => file.status !== 'passed'),
      run.failures,
    ).toEqual([]);
    expect(run.stdout).toMatch(new RegExp(`^✓ ${EXTERNAL_BUILDER} {2}100\\.0 Excellent`, 'm'));
  });
});
