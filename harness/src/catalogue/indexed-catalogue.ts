import { acceptedOutputTypes, CompatibilityScorer, normalizeStepType, RESOLUTION_THRESHOLD, SemanticMatcher } from '@stepscore/dependency-resolver';
import { type DependencySpec, type DependencyType, type OutputSpec, StepSpecification } from '@stepscore/step-model';
import { type DependencyMatch, matchDependencies, type ProviderStep } from './dependency-matching.js';
import { ProviderSelectionIndex } from './provider-selection-index.js';
import { type ConsumerEntry, type ProducerEntry, upstreamCatalogue, type UpstreamCatalogue } from './upstream-catalogue.js';

/** A consumer's dependency that can take an output, with the resolver's score for it. */
export interface ConsumerCandidate {
  readonly consumer: IndexedConsumer;
  readonly dependency: DependencySpec;
  readonly score: number;
}

/** A consumer dependency, listed under every output type it accepts. */
interface ConsumerSlot {
  readonly consumer: IndexedConsumer;
  readonly dependency: DependencySpec;
}

export interface IndexedProducer {
  readonly entry: ProducerEntry;
  readonly step: ProviderStep;
  /** Its place in the catalogue: producers are offered to the resolver in this order. */
  readonly position: number;
}

export interface IndexedConsumer {
  readonly entry: ConsumerEntry;
  readonly spec: StepSpecification;
  readonly position: number;
}

/**
 * An upstream catalogue made ready for many builders: every spec validated once and the producers indexed
 * for dependency resolution, so that a run over N builders against a catalogue of N producers costs N times
 * a bounded amount rather than N × N. Build it once per run (per worker) and hand each builder a view.
 */
export class IndexedCatalogue {
  readonly producers: readonly IndexedProducer[];
  readonly consumers: readonly IndexedConsumer[];
  private readonly byName = new Map<string, IndexedProducer>();
  private readonly index: ProviderSelectionIndex;
  /** Consumer dependencies by the output type they accept: the catalogue's consumers keyed by output type. */
  private readonly consumerSlots = new Map<DependencyType, ConsumerSlot[]>();
  /** Normalised producer step type → the output types its producers offer. */
  private readonly offeredBySource = new Map<string, Set<DependencyType>>();
  private readonly scorer = new CompatibilityScorer(new SemanticMatcher());

  constructor(readonly catalogue: UpstreamCatalogue) {
    this.producers = catalogue.producers.map((entry, position) => ({
      entry,
      step: { name: entry.stepName, spec: StepSpecification.create(entry.specification) },
      position,
    }));
    this.consumers = catalogue.consumers.map((entry, position) => ({ entry, spec: StepSpecification.create(entry.specification), position }));
    for (const producer of this.producers) if (!this.byName.has(producer.step.name)) this.byName.set(producer.step.name, producer);
    this.index = new ProviderSelectionIndex(this.producers.map((p) => ({ stepName: p.step.name, spec: p.step.spec })));
    for (const consumer of this.consumers) {
      for (const dependency of consumer.spec.dependencies.values()) {
        for (const type of acceptedOutputTypes(dependency.dependencyType)) {
          let slots = this.consumerSlots.get(type);
          if (!slots) this.consumerSlots.set(type, (slots = []));
          slots.push({ consumer, dependency });
        }
      }
    }
    for (const producer of this.producers) {
      const source = normalizeStepType(producer.step.spec.stepType);
      let offered = this.offeredBySource.get(source);
      if (!offered) this.offeredBySource.set(source, (offered = new Set()));
      for (const output of producer.step.spec.outputs.values()) offered.add(output.outputType);
    }
  }

  /**
   * The consumer dependencies that can take `output` of a step with spec `provider`, best first (then by
   * catalogue order), each scored as the dependency resolver scores it; only those above the resolution
   * threshold. A consumer with another required dependency is left out: the builder alone cannot feed it.
   */
  consumersOf(output: OutputSpec, provider: StepSpecification): ConsumerCandidate[] {
    const candidates: ConsumerCandidate[] = [];
    for (const { consumer, dependency } of this.consumerSlots.get(output.outputType) ?? []) {
      const othersRequired = [...consumer.spec.dependencies.values()].some((d) => d.required && d.logicalName !== dependency.logicalName);
      if (othersRequired) continue;
      const score = this.scorer.score(dependency, output, provider);
      if (score > RESOLUTION_THRESHOLD) candidates.push({ consumer, dependency, score });
    }
    return candidates.sort((a, b) => b.score - a.score || a.consumer.position - b.consumer.position);
  }

  /** Whether a producer of one of these (normalised) step types offers an output of one of these types. */
  offersFromSources(sources: readonly string[], outputTypes: readonly DependencyType[]): boolean {
    return sources.some((source) => outputTypes.some((type) => this.offeredBySource.get(normalizeStepType(source))?.has(type)));
  }

  /** The catalogue as the builder registered under `stepName` sees it: its own entry, if the catalogue has one, left out. */
  forBuilder(stepName: string): CatalogueView {
    return new CatalogueView(this, this.byName, this.index, new Set([stepName]));
  }

  /** The whole catalogue, nothing left out. */
  whole(): CatalogueView {
    return new CatalogueView(this, this.byName, this.index, new Set());
  }
}

const indexed = new WeakMap<UpstreamCatalogue, IndexedCatalogue>();

/** The indexed form of a catalogue, built on first use and kept while the catalogue lives. */
export function indexedCatalogue(catalogue: UpstreamCatalogue = upstreamCatalogue): IndexedCatalogue {
  let found = indexed.get(catalogue);
  if (!found) indexed.set(catalogue, (found = new IndexedCatalogue(catalogue)));
  return found;
}

/** A catalogue as a module exports it, indexed: an IndexedCatalogue as it is, an UpstreamCatalogue indexed now. */
export function toIndexedCatalogue(exported: unknown): IndexedCatalogue {
  if (exported instanceof IndexedCatalogue) return exported;
  // An IndexedCatalogue of another copy of this module (one a project's module imported by path, while its worker
  // runs the bundled sources) is indexed again from the catalogue it holds.
  const held = typeof exported === 'object' && exported !== null && 'catalogue' in exported ? exported.catalogue : undefined;
  const catalogue = (hasEntryLists(held) ? held : exported) as Partial<UpstreamCatalogue> | undefined;
  if (!hasEntryLists(catalogue)) throw new Error('An upstream catalogue must be an IndexedCatalogue or have producers and consumers lists');
  return indexedCatalogue(catalogue as UpstreamCatalogue);
}

function hasEntryLists(value: unknown): boolean {
  const catalogue = value as Partial<UpstreamCatalogue> | undefined;
  return Array.isArray(catalogue?.producers) && Array.isArray(catalogue.consumers);
}

/** One builder's view of an indexed catalogue. */
export class CatalogueView {
  // The Integration level resolves the same builder twice (its check, then the pipeline's assembly).
  private readonly matches = new Map<string, readonly DependencyMatch[]>();

  constructor(
    private readonly indexed: IndexedCatalogue,
    private readonly byName: ReadonlyMap<string, IndexedProducer>,
    private readonly index: ProviderSelectionIndex,
    private readonly excluded: ReadonlySet<string>,
  ) {}

  get consumers(): readonly IndexedConsumer[] {
    return this.indexed.consumers;
  }

  /** See IndexedCatalogue.consumersOf. */
  consumersOf(output: OutputSpec, provider: StepSpecification): ConsumerCandidate[] {
    return this.indexed.consumersOf(output, provider);
  }

  /** See IndexedCatalogue.offersFromSources (the builder's own entry may count; it never resolves to itself). */
  offersFromSources(sources: readonly string[], outputTypes: readonly DependencyType[]): boolean {
    return this.indexed.offersFromSources(sources, outputTypes);
  }

  get producerCount(): number {
    return this.indexed.producers.length - [...this.excluded].filter((name) => this.byName.has(name)).length;
  }

  /** The producers' step names in catalogue order; the first `limit` only, when given. */
  producerNames(limit = Number.POSITIVE_INFINITY): string[] {
    const names: string[] = [];
    for (const producer of this.indexed.producers) {
      if (names.length >= limit) break;
      if (!this.excluded.has(producer.step.name)) names.push(producer.step.name);
    }
    return names;
  }

  producer(stepName: string): IndexedProducer | undefined {
    return this.excluded.has(stepName) ? undefined : this.byName.get(stepName);
  }

  /** Whether a producer or consumer of the view has this step name. */
  hasStep(stepName: string): boolean {
    return this.producer(stepName) !== undefined || this.indexed.consumers.some((c) => c.entry.stepName === stepName);
  }

  /**
   * How each of the step's dependencies resolves against the view's producers: the same result as
   * `matchDependencies` over all of them, computed over the few the index says can matter.
   */
  matchDependencies(stepName: string, spec: StepSpecification): DependencyMatch[] {
    // The result depends on the consumer's name and dependencies only, not on which spec object holds them.
    const key = JSON.stringify([stepName, [...spec.dependencies.values()]]);
    let found = this.matches.get(key);
    if (!found) {
      const excluded = this.excluded.has(stepName) ? this.excluded : new Set([...this.excluded, stepName]);
      const positions = [...this.index.select(spec.dependencies.values(), excluded)].sort((a, b) => a - b);
      const providers = positions.map((position) => (this.indexed.producers[position] as IndexedProducer).step);
      found = matchDependencies(stepName, spec, providers);
      this.matches.set(key, found);
    }
    return [...found];
  }
}
