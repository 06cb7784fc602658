import type { ConsumerEntry, ProducerEntry, UpstreamCatalogue } from '../catalogue/upstream-catalogue.js';

/** The upstream steps a module adds to the catalogue: `{ producers?, consumers? }` as the default export or as `upstream`. */
export function upstreamFromModule(namespace: Record<string, unknown>, moduleName: string): UpstreamCatalogue {
  const value = (namespace['default'] ?? namespace['upstream']) as { producers?: unknown; consumers?: unknown } | undefined;
  const producers = value?.producers ?? [];
  const consumers = value?.consumers ?? [];
  if (typeof value !== 'object' || value === null || !Array.isArray(producers) || !Array.isArray(consumers)) {
    throw new Error(`${moduleName} must export { producers?: [...], consumers?: [...] } as the default export or as 'upstream'`);
  }
  return { producers: producers as ProducerEntry[], consumers: consumers as ConsumerEntry[] };
}

/** The built-in catalogue with the project's steps after it. */
export function withUpstream(base: UpstreamCatalogue, extras: readonly UpstreamCatalogue[]): UpstreamCatalogue {
  return {
    producers: [...base.producers, ...extras.flatMap((e) => e.producers)],
    consumers: [...base.consumers, ...extras.flatMap((e) => e.consumers)],
  };
}
