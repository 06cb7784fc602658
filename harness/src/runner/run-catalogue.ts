import { availableParallelism } from 'node:os';
import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { BuilderResult } from '../check/check-result.js';
import { type IsolatedRunOptions, runIsolated } from './isolated/run-isolated.js';
import type { BuilderRunOptions } from './run-builder.js';

/**
 * Builders run in this process: fast, and registrations may hold classes defined anywhere (unit tests of
 * single checks); but a builder that loops synchronously or takes the process down takes the run with it.
 */
export interface InProcessCatalogueOptions extends Omit<BuilderRunOptions, 'rawConfig' | 'createContext' | 'onCheckStarted' | 'onCheckFinished'> {
  readonly isolation: 'in-process';
  readonly concurrency?: number;
  /** Raw config per builder name, for builders that should not use their default config. */
  readonly rawConfigs?: Readonly<Record<string, unknown>>;
}

/**
 * Builders run in worker threads (the default): each worker loads the registry from `registryModule`
 * (a loaded project's `modules.registryModule`) and picks the given registrations by step name, so they must be
 * registered there; the Integration backend is given as data (`backend`), not as a factory.
 */
export interface WorkerCatalogueOptions extends IsolatedRunOptions {
  readonly isolation?: 'worker';
}

export type CatalogueRunOptions = InProcessCatalogueOptions | WorkerCatalogueOptions;

/** Runs the given builders, several at once; results come back in the order the builders were given. */
export async function runCatalogue(
  registrations: readonly BuilderRegistration[],
  registry: BuilderRegistry,
  options: CatalogueRunOptions,
): Promise<BuilderResult[]> {
  if (options.isolation !== 'in-process')
    return runIsolated(
      registrations.map((r) => r.stepName),
      options,
    );
  // The checks' machinery loads only where builders run in this thread: with workers, the main thread never needs it.
  const [{ runBuilder }, { default: pLimit }] = await Promise.all([import('./run-builder.js'), import('p-limit')]);
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  return Promise.all(
    registrations.map((registration) =>
      limit(() => runBuilder(registration, registry, { ...options, rawConfig: options.rawConfigs?.[registration.stepName] })),
    ),
  );
}
