import { availableParallelism } from 'node:os';

/**
 * Builders a worker must have to pay for its start-up: each worker loads the checks, the SageMaker client and
 * the builders again (about 0.6 s of CPU, compiled), while one builder's checks take some 50–100 ms. Below this
 * many builders per worker, a second worker costs more than it saves on 2 cores (BENCHMARKS.md, "Cold start").
 */
export const BUILDERS_PER_WORKER = 12;

/**
 * How many workers run `builders` builders: `concurrency` when the caller asks for it (never more than there are
 * builders); otherwise one per BUILDERS_PER_WORKER builders, at least one and at most one per core.
 */
export function workerCount(builders: number, concurrency?: number, cores: number = availableParallelism()): number {
  if (concurrency !== undefined) return Math.max(1, Math.min(concurrency, builders));
  return Math.max(1, Math.min(cores, Math.floor(builders / BUILDERS_PER_WORKER)));
}
