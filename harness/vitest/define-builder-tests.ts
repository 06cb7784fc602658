import { describe, it } from 'vitest';
import { builderRegistry } from '../../builders/registry.js';
import { type Level, LEVEL_NAMES } from '../src/check/check-definition.js';
import type { BuilderResult, CheckResult } from '../src/check/check-result.js';
import { ALL_CHECKS } from '../src/checks/index.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import type { StepscoreTaskMeta } from './task-meta.js';

function failureText(check: CheckResult): string {
  const cause = check.rootCause ? `\nRoot cause (${check.rootCause.kind}): ${check.rootCause.message}` : '';
  return `${check.message ?? check.status}${cause}`;
}

let allLevels: Promise<BuilderResult[]> | undefined;

/**
 * Every level's checks on every registered builder, run once per process: the level files of a run share
 * their process (the builders project does not isolate them), and the run costs mostly its start-up.
 */
function allLevelsRun(): Promise<BuilderResult[]> {
  allLevels ??= runCatalogue(builderRegistry.all(), builderRegistry, { checks: ALL_CHECKS, isolation: 'worker', backend: { kind: 'mock' } });
  return allLevels;
}

/**
 * Takes one level's results on every registered builder (from the shared run), then declares one test per check, grouped
 * builder → level; not-applicable checks are skipped with their reason. Each builder runs in a worker
 * thread, so one that hangs or crashes fails its own checks and nothing else. A level per test file lets
 * vitest's `--shard` split `pnpm test:builders` across machines.
 */
export async function defineBuilderTests(level: Level): Promise<void> {
  const results = (await allLevelsRun()).map((result) => ({ ...result, checks: result.checks.filter((c) => c.level === level) }));
  // With no builder there would be no test at all, and an empty run passes: an emptied registry must fail it.
  if (results.length === 0) {
    it(`L${level}: the registry holds at least one builder`, () => {
      throw new Error('test:builders found no registered builder: builders/registry.ts registers none');
    });
  }
  for (const result of results) {
    describe(result.builder, () => {
      describe(`L${level} ${LEVEL_NAMES[level]}`, () => {
        for (const check of result.checks) {
          it(`${check.id} — ${check.title}`, (context) => {
            const meta: StepscoreTaskMeta = { builder: result.builder, stepType: result.stepType, framework: result.framework, backend: result.backend, check };
            context.task.meta.stepscore = meta;
            if (check.status === 'not_applicable') context.skip(`not applicable: ${check.message ?? ''}`);
            if (check.status === 'fail') throw new Error(failureText(check));
            if (check.status === 'error') throw new Error(`check error: ${failureText(check)}`);
          });
        }
      });
    });
  }
}
