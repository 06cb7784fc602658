import { acceptedOutputTypes, normalizeStepType } from '@stepscore/dependency-resolver';
import { defineCheck, fail, notApplicable, pass } from '../../check/check-definition.js';
import { type DependencyMatch, describeCandidates } from '../../catalogue/dependency-matching.js';
import type { CatalogueView } from '../../catalogue/indexed-catalogue.js';

/** How many producer names a failure message lists before it only counts the rest. */
const PRODUCERS_NAMED = 10;

function producerList(catalogue: CatalogueView): string {
  const named = catalogue.producerNames(PRODUCERS_NAMED);
  const more = catalogue.producerCount - named.length;
  return `[${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}]`;
}

/**
 * A dependency that names compatible sources must resolve to one of them whenever the catalogue has a
 * producer of one offering data of a type it accepts; the resolver only adds a bonus for them, so a better
 * name match from elsewhere can win.
 */
function sourceProblem(match: DependencyMatch, catalogue: CatalogueView): string | undefined {
  const { dependency, resolved } = match;
  if (!resolved || dependency.compatibleSources.length === 0) return undefined;
  const producer = catalogue.producer(resolved.providerStep);
  if (!producer) return undefined;
  const sourceType = normalizeStepType(producer.step.spec.stepType);
  const sources = dependency.compatibleSources.map((s) => normalizeStepType(s));
  if (sources.includes(sourceType)) return undefined;
  if (!catalogue.offersFromSources(dependency.compatibleSources, acceptedOutputTypes(dependency.dependencyType))) return undefined;
  return (
    `Dependency '${dependency.logicalName}' names compatible sources [${dependency.compatibleSources.join(', ')}] and the catalogue has a producer of one of them, ` +
    `but it resolves to ${resolved.providerStep}.${resolved.outputName} (step type ${sourceType}, score ${resolved.score.toFixed(3)}); ` +
    `its name, aliases or keywords match that output better than the one its sources offer, so the step would read the wrong data`
  );
}

export const dependencyResolution = defineCheck({
  id: 'level4.dependency_resolution',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: "Every required dependency resolves against the catalogue's upstream producers, to a compatible source where it names them",
  run(ctx) {
    const spec = ctx.specification();
    if (spec.dependencies.size === 0) return notApplicable('the specification declares no dependencies to resolve');
    const catalogue = ctx.upstreamCatalogue();
    const matches = catalogue.matchDependencies(ctx.registration.stepName, spec);
    const evidence = matches.map((m) => ({
      dependency: m.dependency.logicalName,
      type: m.dependency.dependencyType,
      required: m.dependency.required,
      compatibleSources: m.dependency.compatibleSources,
      resolvedTo: m.resolved ? { step: m.resolved.providerStep, output: m.resolved.outputName, score: m.resolved.score } : null,
      candidates: m.candidates,
    }));
    const problems: string[] = [];
    for (const m of matches.filter((x) => x.dependency.required && !x.resolved)) {
      const candidates =
        m.candidates.length > 0
          ? describeCandidates(m.candidates)
          : `no producer offers an output of a type it accepts (${acceptedOutputTypes(m.dependency.dependencyType).join(', ')})`;
      problems.push(
        `Required dependency '${m.dependency.logicalName}' (${m.dependency.dependencyType}) resolves to no producer in the catalogue ${producerList(catalogue)}: ${candidates}; a match needs a score above 0.5`,
      );
    }
    for (const m of matches) {
      const problem = sourceProblem(m, catalogue);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) return fail(problems.join('; '), { dependencies: evidence });
    const resolved = matches.flatMap((m) =>
      m.resolved
        ? [
            `${m.dependency.logicalName}${m.dependency.required ? '' : ' (optional)'} → ${m.resolved.providerStep}.${m.resolved.outputName} (${m.resolved.score.toFixed(3)})`,
          ]
        : [],
    );
    return pass(resolved.join('; '));
  },
});
