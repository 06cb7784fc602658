import { availableParallelism } from 'node:os';
import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import pLimit from 'p-limit';
import type { BuilderResult } from '../check/check-result.js';
import { type BuilderRunOptions, runBuilder } from './run-builder.js';

export interface CatalogueRunOptions extends Omit<BuilderRunOptions, 'rawConfig'> {
  readonly concurrency?: number;
  /** Raw config per builder name, for builders that should not use their default config. */
  readonly rawConfigs?: Readonly<Record<string, unknown>>;
}

/** Runs the given builders, several at once; results come back in the order the builders were given. */
export async function runCatalogue(
  registrations: readonly BuilderRegistration[],
  registry: BuilderRegistry,
  options: CatalogueRunOptions,
): Promise<BuilderResult[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
  return Promise.all(
    registrations.map((registration) =>
      limit(() => runBuilder(registration, registry, { ...options, rawConfig: options.rawConfigs?.[registration.stepName] })),
    ),
  );
}
