import { RESOLUTION_THRESHOLD, SemanticMatcher, SpecificationRegistry, UnifiedDependencyResolver } from '@stepscore/dependency-resolver';
import type { DependencySpec, GetExpression, StepSpecification } from '@stepscore/step-model';

export interface ProviderStep {
  readonly name: string;
  readonly spec: StepSpecification;
}

export interface ScoredOutput {
  readonly providerStep: string;
  readonly outputName: string;
  readonly score: number;
}

export interface DependencyMatch {
  readonly dependency: DependencySpec;
  /** The output it resolves to, when one scores above the threshold. */
  readonly resolved?: ScoredOutput & { readonly reference: GetExpression };
  /** When unresolved: the best compatible outputs, best first (at most three). */
  readonly candidates: readonly ScoredOutput[];
}

// Name similarities are a pure function of the two names: one matcher, whose cache of them outlives a call,
// serves every resolution in the process.
const matcher = new SemanticMatcher();

/**
 * How each of a step's dependencies resolves against the given providers, with the dependency resolver's
 * scores. A dependency resolves only above 0.5, as when the step is created (`resolveStepDependencies`).
 */
export function matchDependencies(stepName: string, spec: StepSpecification, providers: readonly ProviderStep[]): DependencyMatch[] {
  const registry = new SpecificationRegistry();
  registry.register(stepName, spec);
  for (const provider of providers) registry.register(provider.name, provider.spec);
  const resolver = new UnifiedDependencyResolver(registry, matcher);
  const scored = resolver.resolveWithScoring(
    stepName,
    providers.map((p) => p.name),
  );
  return [...spec.dependencies.values()].map((dependency) => {
    const reference = scored.resolved.get(dependency.logicalName);
    if (reference) {
      const providerSpec = registry.get(reference.stepName) as StepSpecification;
      const found: ScoredOutput = {
        providerStep: reference.stepName,
        outputName: reference.outputSpec.logicalName,
        score: resolver.calculateCompatibility(dependency, reference.outputSpec, providerSpec),
      };
      if (found.score > RESOLUTION_THRESHOLD) return { dependency, resolved: { ...found, reference: reference.toSageMakerProperty() }, candidates: [] };
      return { dependency, candidates: [found] };
    }
    const failed = scored.failedWithScores.get(dependency.logicalName);
    const candidates = (failed?.allCandidates ?? []).map((c) => ({ providerStep: c.providerStep, outputName: c.outputName, score: c.score }));
    return { dependency, candidates };
  });
}

/** `'X' (score 0.41 from Step.output), ...` for messages. */
export function describeCandidates(candidates: readonly ScoredOutput[]): string {
  if (candidates.length === 0) return 'no producer offers an output of a compatible type';
  return `best candidates: ${candidates.map((c) => `${c.providerStep}.${c.outputName} (score ${c.score.toFixed(3)})`).join(', ')}`;
}
