// Setup file of `pnpm test:mutation` only (vitest.stryker.config.ts). Stryker activates a mutant in the vitest
// thread's globals, but the checks build every builder in a worker thread of its own, which starts with a copy of
// this thread's process.env: the instrumented code reads the active mutant from there when its globals have none.
import { inject } from 'vitest';

const provided = inject as unknown as (key: string) => unknown;
const ACTIVE_MUTANT_VARIABLE = '__STRYKER_ACTIVE_MUTANT__';

const activeMutant = provided('mode') === 'mutant' ? provided('activeMutant') : undefined;
if (activeMutant === undefined || activeMutant === null) delete process.env[ACTIVE_MUTANT_VARIABLE];
else process.env[ACTIVE_MUTANT_VARIABLE] = String(activeMutant);
