import type { Reporter, TestModule } from 'vitest/node';
import type { BuilderResult, CheckResult } from '../check/check-result.js';
import { buildRunReport } from '../report/run-report.js';
import { consoleStyleFor } from '../reporters/console/console-style.js';
import { renderConsoleReport } from '../reporters/console/render-console-report.js';
import { LEVELS } from '../scoring/score-builder.js';
import './task-meta.js';

/** Gathers the check results the builder tests attached to their tasks (also from merged shard reports). */
export function builderResultsFromModules(modules: readonly TestModule[]): BuilderResult[] {
  const byBuilder = new Map<string, { result: Omit<BuilderResult, 'checks'>; checks: CheckResult[] }>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const meta = test.meta().stepscore;
      if (!meta) continue;
      const entry = byBuilder.get(meta.builder) ?? {
        result: { builder: meta.builder, stepType: meta.stepType, framework: meta.framework, backend: meta.backend },
        checks: [],
      };
      entry.checks.push(meta.check);
      byBuilder.set(meta.builder, entry);
    }
  }
  return [...byBuilder.values()].map(({ result, checks }) => ({ ...result, checks }));
}

/**
 * At the very end of a run with builder tests (`pnpm test:builders`, or `pnpm test`), and only then: a line per
 * builder (score, rating, blockers, failed/ran) and its failing checks, blockers first; the same text as `pnpm score`.
 */
export default class ScoreTableReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const results = builderResultsFromModules(testModules);
    if (results.length === 0) return;
    const levels = LEVELS.filter((l) => results.some((r) => r.checks.some((c) => c.level === l)));
    const now = new Date().toISOString();
    const report = buildRunReport({ results, backend: results[0]?.backend ?? 'mock', levels, timing: { startedAt: now, finishedAt: now, durationMs: 0 } });
    process.stdout.write(`\n${renderConsoleReport(report, consoleStyleFor(process.stdout))}\n`);
  }
}
