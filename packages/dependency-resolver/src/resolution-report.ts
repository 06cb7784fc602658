import type { PropertyReference } from '@stepscore/step-model';
import { DependencyResolutionError } from './dependency-resolution-error.js';
import type { SpecificationRegistry } from './specification-registry.js';

export interface StepResolutionReport {
  readonly stepType: string;
  readonly totalDependencies: number;
  readonly requiredDependencies: number;
  readonly optionalDependencies: number;
  readonly outputs: number;
  /** Dependency → `<provider>.<output>`. */
  readonly resolvedDependencies: Readonly<Record<string, string>>;
  readonly unresolvedDependencies: readonly string[];
  readonly error?: string;
}

export interface ResolutionReport {
  readonly totalSteps: number;
  readonly registeredSteps: number;
  readonly stepDetails: Readonly<Record<string, StepResolutionReport>>;
  /** Steps whose resolution failed. */
  readonly unresolvedDependencies: readonly string[];
  readonly resolutionSummary: {
    /** Counted over every registered spec, available or not, as the reference does. */
    readonly totalDependencies: number;
    readonly resolvedDependencies: number;
    readonly resolutionRate: number;
    readonly stepsWithErrors: number;
  };
}

export function buildResolutionReport(
  registry: SpecificationRegistry,
  availableSteps: readonly string[],
  resolve: (stepName: string) => ReadonlyMap<string, PropertyReference>,
): ResolutionReport {
  const stepDetails = new Map<string, StepResolutionReport>();
  const failedSteps: string[] = [];
  for (const stepName of availableSteps) {
    const spec = registry.get(stepName);
    if (!spec) continue;
    const counts = {
      stepType: spec.stepType,
      totalDependencies: spec.dependencies.size,
      requiredDependencies: spec.listRequiredDependencies().length,
      optionalDependencies: spec.listOptionalDependencies().length,
      outputs: spec.outputs.size,
    };
    try {
      const resolved = resolve(stepName);
      stepDetails.set(stepName, {
        ...counts,
        resolvedDependencies: Object.fromEntries([...resolved].map(([dep, ref]) => [dep, ref.toString()])),
        unresolvedDependencies: [...spec.dependencies.values()].filter((d) => d.required && !resolved.has(d.logicalName)).map((d) => d.logicalName),
      });
    } catch (error) {
      if (!(error instanceof DependencyResolutionError)) throw error;
      stepDetails.set(stepName, { ...counts, resolvedDependencies: {}, unresolvedDependencies: [], error: error.message });
      failedSteps.push(stepName);
    }
  }

  let totalDependencies = 0;
  for (const spec of registry.specifications()) totalDependencies += spec.dependencies.size;
  let resolvedDependencies = 0;
  for (const details of stepDetails.values()) resolvedDependencies += Object.keys(details.resolvedDependencies).length;
  return {
    totalSteps: availableSteps.length,
    registeredSteps: availableSteps.filter((step) => registry.has(step)).length,
    stepDetails: Object.fromEntries(stepDetails),
    unresolvedDependencies: failedSteps,
    resolutionSummary: {
      totalDependencies,
      resolvedDependencies,
      resolutionRate: totalDependencies > 0 ? resolvedDependencies / totalDependencies : 0,
      stepsWithErrors: failedSteps.length,
    },
  };
}
