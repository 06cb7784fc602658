import type { BuilderResult } from '../../src/check/check-result.js';

/** Results with each check's duration left out, to compare two runs of the same builders. */
export function withoutDurations(results: readonly BuilderResult[]): unknown[] {
  return results.map((r) => ({ ...r, checks: r.checks.map(({ durationMs: _, ...rest }) => rest) }));
}
