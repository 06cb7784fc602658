// The synthetic catalogue as a module a builder worker can load (see synthetic-registry-url.ts): the size and
// seed come from the module's URL (`synthetic-registry.ts?size=1000&seed=1`), so every worker of a run
// generates the same catalogue. Its upstream catalogue is exported as it is, and the worker indexes it once: an
// IndexedCatalogue made here would be another copy's (this module imports the harness's sources by path, the
// worker runs them bundled), which the worker indexes again.
import { DEFAULT_SEED, generateSyntheticCatalogue } from './synthetic-catalogue.js';

const parameters = new URL(import.meta.url).searchParams;
const size = Number(parameters.get('size') ?? 10);
const seed = Number(parameters.get('seed') ?? DEFAULT_SEED);
if (!Number.isInteger(size) || size < 1) throw new Error(`synthetic-registry.ts: size must be a positive integer (got ${parameters.get('size')})`);

const run = generateSyntheticCatalogue(size, seed);

export const syntheticRegistry = run.registry;
export const syntheticCatalogue = run.upstream;
