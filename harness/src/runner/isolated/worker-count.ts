import { availableParallelism } from 'node:os';

/**
 * Builders a worker must have to pay for its start-up: each worker loads the checks, the SageMaker client and
 * the builders again (0.9–1.4 s of CPU, compiled), while one builder's checks take some 50 ms. Measured on 2
 * cores, a second worker did not pay for itself up to 28 builders (BENCHMARKS.md, "Cold start (issue 16)").
 */
export const BUILDERS_PER_WORKER = 16;

/**
 * How many workers run `builders` builders: `concurrency` when the caller asks for it (never more than there are
 * builders); otherwise one per BUILDERS_PER_WORKER builders, at least one and at most one per core.
 */
export function workerCount(builders: number, concurrency?: number, cores: number = availableParallelism()): number {
  if (concurrency !== undefined) return Math.max(1, Math.min(concurrency, builders));
  return Math.max(1, Math.min(cores, Math.floor(builders / BUILDERS_PER_WORKER)));
}
