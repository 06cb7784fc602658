// Setup file of `pnpm test:mutation` only (vitest.stryker.config.ts); runs after Stryker's own setup file.
//
// The checks build every builder in a worker thread of its own, where Stryker cannot see:
// - a mutant is activated in this thread's globals, but a worker starts with a copy of this thread's process.env,
//   and the instrumented code reads the active mutant from there when its own globals have none;
// - the coverage Stryker records here is only what this thread ran (the registry, not the builds), and it would mark
//   every mutant the workers run as "no coverage": it is withdrawn, so every mutant runs all of test:builders.
import { afterAll, inject } from 'vitest';

const provided = inject as unknown as (key: string) => unknown;
const ACTIVE_MUTANT_VARIABLE = '__STRYKER_ACTIVE_MUTANT__';

const activeMutant = provided('mode') === 'mutant' ? provided('activeMutant') : undefined;
if (activeMutant === undefined || activeMutant === null) delete process.env[ACTIVE_MUTANT_VARIABLE];
else process.env[ACTIVE_MUTANT_VARIABLE] = String(activeMutant);

// After-all hooks run last-registered first: this one runs before Stryker's copies the coverage into the report.
afterAll(() => {
  const namespace = (globalThis as Record<string, unknown>)[String(provided('globalNamespace'))] as { mutantCoverage?: unknown } | undefined;
  if (namespace) namespace.mutantCoverage = undefined;
});
