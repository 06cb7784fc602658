import { DependencyType, type DependencySpecInput, NodeType, StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/seeded-random.js';
import { generateSyntheticCatalogue } from '../../bench/synthetic-catalogue.js';
import { matchDependencies } from '../../src/catalogue/dependency-matching.js';
import { IndexedCatalogue, indexedCatalogue, toIndexedCatalogue } from '../../src/catalogue/indexed-catalogue.js';
import { dataPreparationTraining, upstreamCatalogue, type UpstreamCatalogue } from '../../src/catalogue/upstream-catalogue.js';

/** Several producers with the same step type and outputs: equal scores that only position orders. */
function clonesOfPreprocessing(count: number): UpstreamCatalogue['producers'] {
  return Array.from({ length: count }, (_, i) => ({ ...dataPreparationTraining, stepName: `Preprocessing-Clone${i}` }));
}

const generated = generateSyntheticCatalogue(150, 7);
const catalogue: UpstreamCatalogue = {
  producers: [...clonesOfPreprocessing(2), ...generated.upstream.producers, ...clonesOfPreprocessing(5).map((p, i) => ({ ...p, stepName: `Late-Clone${i}` }))],
  consumers: upstreamCatalogue.consumers,
};
const indexed = new IndexedCatalogue(catalogue);
const allProducers = indexed.producers.map((p) => p.step);

/** The resolver over every producer but the consumer itself: what the index must reproduce. */
function fullScan(stepName: string, spec: StepSpecification) {
  return matchDependencies(
    stepName,
    spec,
    allProducers.filter((p) => p.name !== stepName),
  );
}

const NAMES = [
  'input_path',
  'training_data',
  'processed_data',
  'eval_data',
  'evaluation_data',
  'model_input',
  'pretrained_model',
  'hyperparameters_s3_uri',
  'config',
  'predictions',
  'weird_blob',
  'data',
];
const KEYWORDS = ['data', 'model', 'eval', 'processed', 'output', 'config', 'predictions', 'artifacts', 'training'];
const SOURCES = ['TabularPreprocessing', 'ProcessingStep', 'HyperparameterPrep', ...generated.registrations.slice(0, 40).map((r) => r.stepName)];
const TYPES = Object.values(DependencyType);

/** Consumers that resolve, that fail with their best few candidates, that tie, with and without compatible sources. */
function randomConsumers(count: number): { stepName: string; spec: StepSpecification }[] {
  const random = seededRandom(99);
  return Array.from({ length: count }, (_, i) => {
    const names = random.sample(NAMES, random.int(1, 4));
    const dependencies: DependencySpecInput[] = names.map((logicalName) => ({
      logicalName,
      dependencyType: random.pick(TYPES),
      required: random.chance(0.5),
      compatibleSources: random.chance(0.3) ? [] : random.sample(SOURCES, random.int(1, 6)),
      semanticKeywords: random.sample(KEYWORDS, random.int(0, 4)),
      dataType: random.pick(['S3Uri', 'S3Uri', 'String', 'Integer']),
    }));
    const stepName = `Consumer${i}`;
    return { stepName, spec: StepSpecification.create({ stepType: stepName, nodeType: NodeType.SINK, dependencies, outputs: [] }) };
  });
}

describe('IndexedCatalogue', () => {
  it("resolves every synthetic builder exactly as a full scan of the catalogue does, leaving out the builder's own entry", () => {
    let resolvedToSynthetic = 0;
    for (const registration of generated.registrations) {
      const spec = StepSpecification.create(registration.spec);
      const view = indexed.forBuilder(registration.stepName);
      const indexedMatches = view.matchDependencies(registration.stepName, spec);
      expect(indexedMatches).toEqual(fullScan(registration.stepName, spec));
      expect(indexedMatches.every((m) => m.resolved?.providerStep !== registration.stepName)).toBe(true);
      resolvedToSynthetic += indexedMatches.filter((m) => m.resolved && generated.registry.has(m.resolved.providerStep)).length;
    }
    // The catalogue does real work: some dependencies resolve to other synthetic builders' outputs.
    expect(resolvedToSynthetic).toBeGreaterThan(0);
  });

  it('gives the same best few candidates as a full scan for dependencies that resolve, fail, tie or hit the score cap', () => {
    const consumers = randomConsumers(300);
    let failed = 0;
    let resolved = 0;
    for (const { stepName, spec } of consumers) {
      const indexedMatches = indexed.whole().matchDependencies(stepName, spec);
      expect(indexedMatches).toEqual(fullScan(stepName, spec));
      failed += indexedMatches.filter((m) => !m.resolved && m.candidates.length > 0).length;
      resolved += indexedMatches.filter((m) => m.resolved).length;
    }
    expect(failed).toBeGreaterThan(20);
    expect(resolved).toBeGreaterThan(20);
  });

  it('orders equal-scoring clones by catalogue position, as the resolver does', () => {
    const spec = StepSpecification.create({
      stepType: 'Consumer',
      nodeType: NodeType.SINK,
      dependencies: [{ logicalName: 'weird_blob', dependencyType: DependencyType.TRAINING_DATA, compatibleSources: ['ProcessingStep'], dataType: 'Boolean' }],
      outputs: [],
    });
    const [match] = indexed.whole().matchDependencies('Consumer', spec);
    expect(match?.resolved).toBeUndefined();
    expect(match?.candidates.map((c) => c.providerStep)).toEqual(['Preprocessing-Clone0', 'Preprocessing-Clone1', 'DataPreparation-Training']);
    expect(indexed.whole().matchDependencies('Consumer', spec)).toEqual(fullScan('Consumer', spec));
  });

  it('leaves the builder out of its own view, and only it', () => {
    const [first, second] = generated.registrations;
    const view = indexed.forBuilder(first!.stepName);
    expect(view.producer(first!.stepName)).toBeUndefined();
    expect(view.producer(second!.stepName)?.step.name).toBe(second!.stepName);
    expect(view.hasStep(first!.stepName)).toBe(false);
    expect(view.producerCount).toBe(catalogue.producers.length - 1);
    expect(view.producerNames(3)).toEqual(['Preprocessing-Clone0', 'Preprocessing-Clone1', 'DataPreparation-Training']);
  });

  it('indexes the built-in catalogue once', () => {
    expect(indexedCatalogue()).toBe(indexedCatalogue(upstreamCatalogue));
    expect(indexedCatalogue().producers.map((p) => p.step.name)).toEqual([
      'DataPreparation-Training',
      'HyperparameterPrep',
      'ModelTraining',
      'RegisteredModel',
    ]);
  });
});

describe('toIndexedCatalogue', () => {
  it('takes an IndexedCatalogue as it is, indexes an UpstreamCatalogue, and refuses anything else', () => {
    const indexed = new IndexedCatalogue(upstreamCatalogue);
    expect(toIndexedCatalogue(indexed)).toBe(indexed);
    expect(toIndexedCatalogue(upstreamCatalogue).catalogue).toBe(upstreamCatalogue);
    expect(() => toIndexedCatalogue({ producers: [] })).toThrow('An upstream catalogue must be an IndexedCatalogue or have producers and consumers lists');
  });

  it("indexes again the catalogue held by an IndexedCatalogue of another copy of the module (a project's module that imported it by path)", () => {
    const original = new IndexedCatalogue(upstreamCatalogue);
    // What another copy's instance looks like here: the same fields, another class.
    const fromAnotherCopy = { ...original, catalogue: upstreamCatalogue };
    const indexed = toIndexedCatalogue(fromAnotherCopy);
    expect(indexed).toBeInstanceOf(IndexedCatalogue);
    expect(indexed.catalogue).toBe(upstreamCatalogue);
    expect(indexed.producers.map((p) => p.step.name)).toEqual(original.producers.map((p) => p.step.name));
  });
});
