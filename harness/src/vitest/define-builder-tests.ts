// The vitest side of `test:builders`: one test per check per builder of the project, grouped builder → level.
// A project's whole builder test file is:
//
//   import { defineBuilderTests } from 'stepscore/vitest';
//   await defineBuilderTests();
import { describe, it } from 'vitest';
import { type Level, LEVEL_NAMES } from '../check/check-definition.js';
import type { BuilderResult, CheckResult } from '../check/check-result.js';
import { loadProjectBuilders, type ProjectBuilders } from '../project-config/load-project.js';
import { type EarlyWorkers, launchWorkers } from '../runner/isolated/early-workers.js';
import { runCatalogue } from '../runner/run-catalogue.js';
import { LEVELS } from '../scoring/score-builder.js';
import type { StepscoreTaskMeta } from './task-meta.js';

export interface BuilderTestsOptions {
  /** Only these levels' tests are declared (a test file per level lets vitest's `--shard` split the run); the config's levels, else all four, when absent. */
  readonly levels?: readonly Level[];
  /** The stepscore config file; found from the working directory upward when absent. */
  readonly config?: string;
}

const EVIDENCE_LIMIT = 2000;

/** The check's message, its evidence (JSON, cut at EVIDENCE_LIMIT characters) and its root cause. */
export function failureText(builder: string, check: CheckResult): string {
  const head = `${builder}: ${check.severity === 'blocker' ? 'BLOCKER ' : ''}${check.id} ${check.status === 'error' ? 'errored' : 'failed'} — ${check.message ?? check.status}`;
  const json = check.evidence === undefined ? undefined : JSON.stringify(check.evidence, null, 2);
  const evidence =
    json === undefined
      ? ''
      : `\nEvidence: ${json.length > EVIDENCE_LIMIT ? `${json.slice(0, EVIDENCE_LIMIT)}… (cut; the full evidence is in builders/${builder}.json of \`pnpm score\`)` : json}`;
  const cause = check.rootCause ? `\nRoot cause (${check.rootCause.kind}): ${check.rootCause.message}` : '';
  return `${head}${evidence}${cause}`;
}

/**
 * A failed check as a test failure: the check's own words and no stack, so vitest shows no code frame of the
 * harness (the failure is in the builder, not at the line that reports it).
 */
export class CheckFailure extends Error {
  constructor(builder: string, check: CheckResult) {
    super(failureText(builder, check));
    this.name = check.status === 'error' ? 'CheckError' : 'CheckFailure';
    this.stack = `${this.name}: ${this.message}`;
  }
}

interface ProjectRun {
  readonly project: ProjectBuilders;
  readonly results: BuilderResult[];
}

const runs = new Map<string, Promise<ProjectRun>>();

/**
 * Every level's checks on every builder of the project, run once per process and config: the level files of a
 * run share their process (run them with `isolate: false`), and the run costs mostly its start-up.
 */
function projectRun(config: string | undefined): Promise<ProjectRun> {
  const key = config ?? '';
  let run = runs.get(key);
  if (!run) {
    run = (async () => {
      // A worker launched now loads the checks while this process loads the config, then the builders while this
      // process loads them too.
      const launched = launchWorkers();
      let early: EarlyWorkers | undefined;
      try {
        const project = await loadProjectBuilders({
          ...(config === undefined ? {} : { configFile: config }),
          onModulesFound: (loaded, modules) => {
            if (loaded.backend === undefined || loaded.backend === 'mock') early = launched.begin({ ...modules, backend: { kind: 'mock' } });
          },
        });
        const { backend } = project.config;
        if (backend !== undefined && backend !== 'mock') {
          throw new Error(
            `${project.configFile}: backend '${backend}' is not available to test:builders, which runs the in-process mock; use \`stepscore score --backend ${backend}\``,
          );
        }
        // Every check the workers load: the built-in ones, then the project's own.
        const results = await runCatalogue(project.registry.all(), project.registry, {
          ...project.modules,
          isolation: 'worker',
          backend: { kind: 'mock' },
          ...(early ? { earlyWorkers: early } : {}),
        });
        return { project, results };
      } finally {
        await launched.stop();
      }
    })();
    runs.set(key, run);
  }
  return run;
}

/**
 * Runs the project's builders (each in a worker thread, so one that hangs or crashes fails its own checks and
 * nothing else) and declares one test per check, grouped builder → level: a failing check fails with its
 * message, a not-applicable one is skipped with its reason.
 */
export async function defineBuilderTests(options: BuilderTestsOptions = {}): Promise<void> {
  let run: ProjectRun;
  try {
    run = await projectRun(options.config);
  } catch (error) {
    // A builder module that throws when a worker loads it leaves the file with no test: declared as a failing test,
    // the run fails for every runner that counts tests (Stryker counts a file that cannot be collected as no failure).
    it('the project and its builders load', () => {
      throw error;
    });
    return;
  }
  const { project, results } = run;
  const levels = options.levels ?? project.config.levels ?? LEVELS;
  // With no builder there would be no test at all, and an empty run passes: an emptied registry must fail it.
  if (results.length === 0) {
    it('the project registers at least one builder', () => {
      throw new Error(`test:builders found no builder in ${project.configFile}: its builders module registers none`);
    });
  }
  for (const result of results) {
    describe(result.builder, () => {
      for (const level of levels) {
        const checks = result.checks.filter((c) => c.level === level);
        if (checks.length === 0) continue;
        describe(`L${level} ${LEVEL_NAMES[level]}`, () => {
          for (const check of checks) {
            it(`${result.builder} › ${check.id} — ${check.title}`, (context) => {
              const meta: StepscoreTaskMeta = {
                builder: result.builder,
                stepType: result.stepType,
                framework: result.framework,
                backend: result.backend,
                check,
              };
              context.task.meta.stepscore = meta;
              if (check.status === 'not_applicable') context.skip(`not applicable: ${check.message ?? ''}`);
              if (check.status === 'fail' || check.status === 'error') throw new CheckFailure(result.builder, check);
            });
          }
        });
      }
    });
  }
}
