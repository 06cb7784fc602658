import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { Level } from '../check/check-definition.js';
import { ALL_CHECKS } from '../checks/index.js';
import { buildRunReport, type RunReport, type ShardInfo } from '../report/run-report.js';
import { runCatalogue } from '../runner/run-catalogue.js';
import type { OpenBackend } from './backend-option.js';

export interface ScoreRunOptions {
  readonly registrations: readonly BuilderRegistration[];
  readonly registry: BuilderRegistry;
  readonly levels: readonly Level[];
  readonly backend: OpenBackend;
  readonly concurrency: number;
  /** Per-check time limit in ms (the runner's default when absent). */
  readonly checkTimeoutMs?: number;
  readonly shard?: ShardInfo | null;
}

/**
 * Runs the checks of the given levels on the given builders, each builder in a worker thread (so one that
 * hangs or crashes fails only its own checks), and turns the results into a report.
 */
export async function scoreRun(options: ScoreRunOptions): Promise<RunReport> {
  const startedAt = new Date();
  const started = performance.now();
  const results = await runCatalogue(options.registrations, options.registry, {
    checks: ALL_CHECKS,
    levels: options.levels,
    isolation: 'worker',
    backend: options.backend.descriptor,
    concurrency: options.concurrency,
    ...(options.checkTimeoutMs !== undefined ? { checkTimeoutMs: options.checkTimeoutMs } : {}),
  });
  const durationMs = Math.round(performance.now() - started);
  return buildRunReport({
    results,
    backend: options.backend.name,
    levels: options.levels,
    shard: options.shard ?? null,
    timing: { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), durationMs },
  });
}
