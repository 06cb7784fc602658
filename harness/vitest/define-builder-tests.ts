import { describe, it } from 'vitest';
import { builderRegistry } from '../../builders/registry.js';
import { type Level, LEVEL_NAMES } from '../src/check/check-definition.js';
import type { BuilderResult, CheckResult } from '../src/check/check-result.js';
import { ALL_CHECKS } from '../src/checks/index.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import type { StepscoreTaskMeta } from './task-meta.js';

const EVIDENCE_LIMIT = 2000;

/** The check's message, its evidence (JSON, cut at EVIDENCE_LIMIT characters) and its root cause. */
export function failureText(builder: string, check: CheckResult): string {
  const head = `${builder}: ${check.severity === 'blocker' ? 'BLOCKER ' : ''}${check.id} ${check.status === 'error' ? 'errored' : 'failed'} — ${check.message ?? check.status}`;
  const json = check.evidence === undefined ? undefined : JSON.stringify(check.evidence, null, 2);
  const evidence = json === undefined ? '' : `\nEvidence: ${json.length > EVIDENCE_LIMIT ? `${json.slice(0, EVIDENCE_LIMIT)}… (cut; the full evidence is in builders/${builder}.json of \`pnpm score\`)` : json}`;
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
 * builder → level, each named `<builder> › <check id> — <title>`; not-applicable checks are skipped with their reason. Each builder runs in a worker
 * thread, so one that hangs or crashes fails its own checks and nothing else. A level per test file lets
 * vitest's `--shard` split `pnpm test:builders` across machines.
 */
export async function defineBuilderTests(level: Level): Promise<void> {
  const results = (await allLevelsRun()).map((result) => ({ ...result, checks: result.checks.filter((c) => c.level === level) }));
  for (const result of results) {
    describe(result.builder, () => {
      describe(`L${level} ${LEVEL_NAMES[level]}`, () => {
        for (const check of result.checks) {
          it(`${result.builder} › ${check.id} — ${check.title}`, (context) => {
            const meta: StepscoreTaskMeta = { builder: result.builder, stepType: result.stepType, framework: result.framework, backend: result.backend, check };
            context.task.meta.stepscore = meta;
            if (check.status === 'not_applicable') context.skip(`not applicable: ${check.message ?? ''}`);
            if (check.status === 'fail' || check.status === 'error') throw new CheckFailure(result.builder, check);
          });
        }
      });
    });
  }
}
