import type { Reporter, TestModule } from 'vitest/node';
import type { BuilderResult, CheckResult } from '../check/check-result.js';
import { renderLevelScoreTable } from '../reporters/console/level-score-table.js';
import { scoreBuilder } from '../scoring/score-builder.js';
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

/** Prints a score table per builder and the overall score and rating at the end of `pnpm test:builders`. */
export default class ScoreTableReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const results = builderResultsFromModules(testModules);
    if (results.length === 0) return;
    const blocks = results.map((r) => renderLevelScoreTable(r.builder, scoreBuilder(r.checks)));
    process.stdout.write(`\nstepscore — builder scores\n\n${blocks.join('\n\n')}\n\n`);
  }
}
