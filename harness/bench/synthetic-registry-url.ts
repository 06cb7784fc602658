import { DEFAULT_SEED } from './synthetic-catalogue.js';

/** The URL of synthetic-registry.ts generating `size` builders from `seed`, for builder workers to load. */
export function syntheticRegistryUrl(size: number, seed = DEFAULT_SEED): string {
  const url = new URL('./synthetic-registry.ts', import.meta.url);
  url.search = `?size=${size}&seed=${seed}`;
  return url.href;
}
