// `pnpm test:builders`: one vitest test per check, grouped builder → level. The checks run once, up front;
// each test then reports its check's result. Not-applicable checks are skipped with their reason.
// Each builder runs in a worker thread, so one that hangs or crashes fails its own checks and nothing else.
import { describe, it } from 'vitest';
import { builderRegistry } from '../../builders/registry.js';
import { LEVEL_NAMES } from '../src/check/check-definition.js';
import type { CheckResult } from '../src/check/check-result.js';
import { ALL_CHECKS } from '../src/checks/index.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import { LEVELS } from '../src/scoring/score-builder.js';
import type { StepscoreTaskMeta } from './task-meta.js';

const results = await runCatalogue(builderRegistry.all(), builderRegistry, {
  checks: ALL_CHECKS,
  isolation: 'worker',
  backend: { kind: 'mock' },
});

function failureText(check: CheckResult): string {
  const cause = check.rootCause ? `\nRoot cause (${check.rootCause.kind}): ${check.rootCause.message}` : '';
  return `${check.message ?? check.status}${cause}`;
}

for (const result of results) {
  describe(result.builder, () => {
    for (const level of LEVELS) {
      const checks = result.checks.filter((c) => c.level === level);
      if (checks.length === 0) continue;
      describe(`L${level} ${LEVEL_NAMES[level]}`, () => {
        for (const check of checks) {
          it(`${check.id} — ${check.title}`, (context) => {
            const meta: StepscoreTaskMeta = { builder: result.builder, stepType: result.stepType, framework: result.framework, backend: result.backend, check };
            context.task.meta.stepscore = meta;
            if (check.status === 'not_applicable') context.skip(`not applicable: ${check.message ?? ''}`);
            if (check.status === 'fail') throw new Error(failureText(check));
            if (check.status === 'error') throw new Error(`check error: ${failureText(check)}`);
          });
        }
      });
    }
  });
}
