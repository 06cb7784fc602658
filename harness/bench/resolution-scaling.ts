import { StepSpecification } from '@stepscore/step-model';
import { matchDependencies } from '../src/catalogue/dependency-matching.js';
import { IndexedCatalogue } from '../src/catalogue/indexed-catalogue.js';
import { median } from './statistics.js';
import { generateSyntheticCatalogue } from './synthetic-catalogue.js';

export interface ResolutionScaling {
  readonly size: number;
  /** Building the catalogue's index, once per run (per worker). */
  readonly indexMs: number;
  /** Resolving one builder's dependencies against the catalogue through the index (median over the builders). */
  readonly indexedUs: number;
  /** The same by scoring every producer, as before the index (median over a sample of builders). */
  readonly fullScanUs: number;
}

const FULL_SCAN_SAMPLE = 40;

/**
 * How the Integration level's dependency resolution grows with the catalogue: per builder through the index
 * against a full scan of every producer, on the synthetic catalogue of `size` builders.
 */
export function measureResolutionScaling(size: number): ResolutionScaling {
  const { registrations, upstream } = generateSyntheticCatalogue(size);
  const indexStart = performance.now();
  const catalogue = new IndexedCatalogue(upstream);
  const indexMs = performance.now() - indexStart;
  const specs = registrations.map((r) => ({ name: r.stepName, spec: StepSpecification.create(r.spec) }));
  const producers = catalogue.producers.map((p) => p.step);
  const time = (work: () => void): number => {
    const start = performance.now();
    work();
    return (performance.now() - start) * 1000;
  };
  // A first pass warms the code and the similarity caches, for both ways alike; each builder gets a fresh
  // view (as each builder's run does), so nothing of the first pass's results is reused.
  for (const { name, spec } of specs) catalogue.forBuilder(name).matchDependencies(name, spec);
  for (const { name, spec } of specs.slice(0, 5))
    matchDependencies(
      name,
      spec,
      producers.filter((p) => p.name !== name),
    );
  const indexed = specs.map(({ name, spec }) => time(() => catalogue.forBuilder(name).matchDependencies(name, spec)));
  const step = Math.max(1, Math.floor(specs.length / FULL_SCAN_SAMPLE));
  const sample = specs.filter((_, i) => i % step === 0).slice(0, FULL_SCAN_SAMPLE);
  const fullScan = sample.map(({ name, spec }) =>
    time(() =>
      matchDependencies(
        name,
        spec,
        producers.filter((p) => p.name !== name),
      ),
    ),
  );
  return { size, indexMs, indexedUs: median(indexed), fullScanUs: median(fullScan) };
}
