import type { BuilderRegistration } from '@stepscore/step-builder';
import type { Level } from '../check/check-definition.js';
import type { ProjectBuilders } from '../project-config/load-project.js';
import { buildRunReport, type RunReport, type ShardInfo } from '../report/run-report.js';
import { runCatalogue } from '../runner/run-catalogue.js';
import type { EarlyWorkers } from '../runner/isolated/early-workers.js';
import type { OpenBackend } from './backend-option.js';

export interface ScoreRunOptions {
  readonly registrations: readonly BuilderRegistration[];
  /** The project the builders come from: its registry module and its own checks go to the workers. */
  readonly project: ProjectBuilders;
  readonly levels: readonly Level[];
  readonly backend: OpenBackend;
  /** Workers at most; the runner decides from the number of builders when absent. */
  readonly concurrency?: number | undefined;
  /** Per-check time limit in ms (the runner's default when absent). */
  readonly checkTimeoutMs?: number;
  readonly shard?: ShardInfo | null;
  /** Workers started before the builders were loaded (startWorkersEarly); the run takes them over. */
  readonly earlyWorkers?: EarlyWorkers;
}

/**
 * Runs the checks of the given levels on the given builders, each builder in a worker thread (so one that
 * hangs or crashes fails only its own checks), and turns the results into a report.
 */
export async function scoreRun(options: ScoreRunOptions): Promise<RunReport> {
  const startedAt = new Date();
  const started = performance.now();
  const { project } = options;
  // Every check the workers load, the built-in ones and then the project's own, in that order.
  const results = await runCatalogue(options.registrations, project.registry, {
    ...project.modules,
    levels: options.levels,
    isolation: 'worker',
    backend: options.backend.descriptor,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.checkTimeoutMs !== undefined ? { checkTimeoutMs: options.checkTimeoutMs } : {}),
    ...(options.earlyWorkers ? { earlyWorkers: options.earlyWorkers } : {}),
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
