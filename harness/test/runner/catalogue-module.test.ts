import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCatalogue } from '../../bench/synthetic-catalogue.js';
import { syntheticRegistryUrl } from '../../bench/synthetic-registry-url.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { IndexedCatalogue } from '../../src/catalogue/indexed-catalogue.js';
import { runCatalogue } from '../../src/runner/run-catalogue.js';

const SIZE = 60;
const generated = generateSyntheticCatalogue(SIZE);
const catalogue = new IndexedCatalogue(generated.upstream);
/** A builder one of whose dependencies resolves to another synthetic builder's output. */
const chained = generated.registrations.find((r) =>
  catalogue
    .forBuilder(r.stepName)
    .matchDependencies(r.stepName, StepSpecification.create(r.spec))
    .some((m) => m.resolved && generated.registry.has(m.resolved.providerStep)),
);
const url = syntheticRegistryUrl(SIZE);

function resolutionOf(results: Awaited<ReturnType<typeof runCatalogue>>): string {
  const check = results[0]?.checks.find((c) => c.id === 'level4.dependency_resolution');
  expect(check?.status).toBe('pass');
  return check?.message ?? '';
}

describe('worker pool with a catalogue module', () => {
  it('resolves against the catalogue the workers load, and against the built-in one without it', async () => {
    expect(chained).toBeDefined();
    const registration = chained!;
    const common = {
      checks: ALL_CHECKS,
      levels: [4] as const,
      isolation: 'worker' as const,
      concurrency: 1,
      registryModule: url,
      registryExport: 'syntheticRegistry',
    };
    const withCatalogue = await runCatalogue([registration], generated.registry, { ...common, catalogueModule: url, catalogueExport: 'syntheticCatalogue' });
    const synthetic = generated.registrations.map((r) => r.stepName).filter((name) => name !== registration.stepName);
    expect(synthetic.some((name) => resolutionOf(withCatalogue).includes(`→ ${name}.`))).toBe(true);

    const builtIn = await runCatalogue([registration], generated.registry, common);
    expect(synthetic.some((name) => resolutionOf(builtIn).includes(`→ ${name}.`))).toBe(false);
  }, 60_000);
});
