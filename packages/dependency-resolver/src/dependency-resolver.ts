import { type DependencySpec, type OutputSpec, PropertyReference, type StepSpecification } from '@stepscore/step-model';
import { candidateOutputs, compareCandidateOrder, forEachCandidateOutput, type CandidateOutput, ProviderOrder } from './candidate-outputs.js';
import { acceptedOutputTypes, CompatibilityScorer, type ScoreBreakdown } from './compatibility.js';
import { DependencyResolutionError } from './dependency-resolution-error.js';
import { buildResolutionReport, type ResolutionReport } from './resolution-report.js';
import { SemanticMatcher } from './semantic-matcher.js';
import { SpecificationRegistry } from './specification-registry.js';

/** `resolveStepDependencies` takes a candidate only above this score; `resolveWithScoring` from it. */
export const RESOLUTION_THRESHOLD = 0.5;
const FAILED_CANDIDATES_SHOWN = 3;

export interface ResolverOptions {
  /** Spec step type → the type named in `compatibleSources`; unmapped types lose their job-type suffix. */
  readonly canonicalStepTypes?: ReadonlyMap<string, string>;
}

export interface ScoredCandidate {
  readonly providerStep: string;
  readonly outputName: string;
  readonly outputSpec: OutputSpec;
  readonly score: number;
  readonly propertyReference: PropertyReference;
  readonly scoreBreakdown: ScoreBreakdown;
}

export interface FailedResolution {
  readonly bestCandidate: ScoredCandidate | null;
  /** The best few candidates, all below the threshold. */
  readonly allCandidates: readonly ScoredCandidate[];
  readonly required: boolean;
}

export interface ResolutionDetails {
  readonly consumerStep: string;
  readonly consumerStepType: string;
  readonly totalDependencies: number;
  readonly requiredDependencies: number;
  readonly availableSteps: readonly string[];
  readonly availableStepCount: number;
  readonly registeredSteps: number;
  readonly resolutionThreshold: number;
}

export interface ScoredResolution {
  readonly resolved: ReadonlyMap<string, PropertyReference>;
  readonly failedWithScores: ReadonlyMap<string, FailedResolution>;
  readonly resolutionDetails: ResolutionDetails | { readonly consumerStep: string; readonly error: string };
}

export type ResolvedDependencies = ReadonlyMap<string, PropertyReference>;

/** Matches each dependency of a step to the most compatible output of the other available steps. */
export class UnifiedDependencyResolver {
  private readonly scorer: CompatibilityScorer;
  private readonly cache = new Map<string, ResolvedDependencies>();
  private cachedRegistryVersion: number;

  constructor(
    readonly registry: SpecificationRegistry,
    readonly matcher: SemanticMatcher,
    options: ResolverOptions = {},
  ) {
    this.scorer = new CompatibilityScorer(matcher, options.canonicalStepTypes);
    this.cachedRegistryVersion = registry.version;
  }

  registerSpecification(stepName: string, spec: StepSpecification): void {
    this.registry.register(stepName, spec);
    this.clearCache();
  }

  clearCache(): void {
    this.cache.clear();
    this.cachedRegistryVersion = this.registry.version;
  }

  calculateCompatibility(dep: DependencySpec, output: OutputSpec, providerSpec: StepSpecification): number {
    return this.scorer.score(dep, output, providerSpec);
  }

  scoreBreakdown(dep: DependencySpec, output: OutputSpec, providerSpec: StepSpecification): ScoreBreakdown {
    return this.scorer.breakdown(dep, output, providerSpec);
  }

  normalizeStepType(stepType: string): string {
    return this.scorer.normalizeStepType(stepType);
  }

  /**
   * Dependency name → the best output scoring above 0.5; ties go to the earlier provider in
   * `availableSteps`, then the earlier output. A consumer without a spec resolves to nothing.
   * Results are cached per consumer and set of available steps (their order ignored, as in the
   * reference) until the next registration.
   * @throws DependencyResolutionError naming every required dependency left unresolved.
   */
  resolveStepDependencies(consumerStep: string, availableSteps: readonly string[]): ResolvedDependencies {
    return this.resolveAmong(consumerStep, new ProviderOrder(availableSteps));
  }

  /** Every available step's resolution; steps that fail are passed to `onError` and left out. */
  resolveAllDependencies(
    availableSteps: readonly string[],
    onError?: (stepName: string, error: DependencyResolutionError) => void,
  ): Map<string, ResolvedDependencies> {
    const providers = new ProviderOrder(availableSteps);
    const all = new Map<string, ResolvedDependencies>();
    for (const stepName of availableSteps) {
      try {
        const resolved = this.resolveAmong(stepName, providers);
        if (resolved.size > 0) all.set(stepName, resolved);
      } catch (error) {
        if (!(error instanceof DependencyResolutionError)) throw error;
        onError?.(stepName, error);
      }
    }
    return all;
  }

  /**
   * Like `resolveStepDependencies` but taking candidates from 0.5 inclusive, never throwing, and
   * keeping the best few candidates of every dependency it could not resolve.
   */
  resolveWithScoring(consumerStep: string, availableSteps: readonly string[]): ScoredResolution {
    const consumerSpec = this.registry.get(consumerStep);
    if (!consumerSpec) {
      return {
        resolved: new Map(),
        failedWithScores: new Map(),
        resolutionDetails: { consumerStep, error: 'No specification found' },
      };
    }
    const providers = new ProviderOrder(availableSteps);
    const resolved = new Map<string, PropertyReference>();
    const failedWithScores = new Map<string, FailedResolution>();
    for (const [depName, dep] of consumerSpec.dependencies) {
      const candidates = this.rankedCandidates(dep, consumerStep, providers);
      const best = candidates[0];
      if (best && best.score >= RESOLUTION_THRESHOLD) {
        resolved.set(depName, best.propertyReference);
      } else {
        failedWithScores.set(depName, {
          bestCandidate: best ?? null,
          allCandidates: candidates.slice(0, FAILED_CANDIDATES_SHOWN),
          required: dep.required,
        });
      }
    }
    return { resolved, failedWithScores, resolutionDetails: this.resolutionDetails(consumerStep, consumerSpec, availableSteps) };
  }

  getResolutionReport(availableSteps: readonly string[]): ResolutionReport {
    const providers = new ProviderOrder(availableSteps);
    return buildResolutionReport(this.registry, availableSteps, (step) => this.resolveAmong(step, providers));
  }

  private resolveAmong(consumerStep: string, providers: ProviderOrder): ResolvedDependencies {
    if (this.registry.version !== this.cachedRegistryVersion) this.clearCache();
    const key = `${JSON.stringify(consumerStep)}:${providers.orderFreeKey}`;
    const cached = this.cache.get(key);
    if (cached) return cached;

    const consumerSpec = this.registry.get(consumerStep);
    if (!consumerSpec) return new Map();
    const resolved = new Map<string, PropertyReference>();
    const unresolved: string[] = [];
    for (const [depName, dep] of consumerSpec.dependencies) {
      const best = this.bestCandidate(dep, consumerStep, providers);
      if (best) resolved.set(depName, new PropertyReference(best.stepName, best.output));
      else if (dep.required) unresolved.push(depName);
    }
    if (unresolved.length > 0) throw new DependencyResolutionError(consumerStep, unresolved);
    this.cache.set(key, resolved);
    return resolved;
  }

  private bestCandidate(dep: DependencySpec, consumerStep: string, providers: ProviderOrder): CandidateOutput | undefined {
    let best: CandidateOutput | undefined;
    let bestScore = RESOLUTION_THRESHOLD;
    const types = acceptedOutputTypes(dep.dependencyType);
    forEachCandidateOutput(this.registry.outputIndex, types, consumerStep, providers, (output, providerPosition) => {
      const score = this.scorer.score(dep, output.output, output.spec);
      if (score < bestScore) return;
      const candidate = { ...output, providerPosition };
      if (score > bestScore || (best !== undefined && compareCandidateOrder(candidate, best) < 0)) {
        best = candidate;
        bestScore = score;
      }
    });
    return best;
  }

  /** All compatible candidates, best score first, then in the reference's candidate order. */
  private rankedCandidates(dep: DependencySpec, consumerStep: string, providers: ProviderOrder): ScoredCandidate[] {
    const types = acceptedOutputTypes(dep.dependencyType);
    return candidateOutputs(this.registry.outputIndex, types, consumerStep, providers)
      .map((candidate) => ({ candidate, breakdown: this.scorer.breakdown(dep, candidate.output, candidate.spec) }))
      .sort((x, y) => y.breakdown.total - x.breakdown.total || compareCandidateOrder(x.candidate, y.candidate))
      .map(({ candidate, breakdown }) => ({
        providerStep: candidate.stepName,
        outputName: candidate.output.logicalName,
        outputSpec: candidate.output,
        score: breakdown.total,
        propertyReference: new PropertyReference(candidate.stepName, candidate.output),
        scoreBreakdown: breakdown,
      }));
  }

  private resolutionDetails(consumerStep: string, consumerSpec: StepSpecification, availableSteps: readonly string[]): ResolutionDetails {
    return {
      consumerStep,
      consumerStepType: consumerSpec.stepType,
      totalDependencies: consumerSpec.dependencies.size,
      requiredDependencies: consumerSpec.listRequiredDependencies().length,
      availableSteps: [...availableSteps],
      availableStepCount: availableSteps.length,
      registeredSteps: availableSteps.filter((step) => this.registry.has(step)).length,
      resolutionThreshold: RESOLUTION_THRESHOLD,
    };
  }
}

export function createDependencyResolver(
  registry: SpecificationRegistry = new SpecificationRegistry(),
  matcher: SemanticMatcher = new SemanticMatcher(),
  options: ResolverOptions = {},
): UnifiedDependencyResolver {
  return new UnifiedDependencyResolver(registry, matcher, options);
}
