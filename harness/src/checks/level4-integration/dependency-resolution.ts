import { acceptedOutputTypes } from '@stepscore/dependency-resolver';
import { defineCheck, fail, notApplicable, pass } from '../../check/check-definition.js';
import { describeCandidates } from '../../catalogue/dependency-matching.js';
import type { CatalogueView } from '../../catalogue/indexed-catalogue.js';

/** How many producer names a failure message lists before it only counts the rest. */
const PRODUCERS_NAMED = 10;

function producerList(catalogue: CatalogueView): string {
  const named = catalogue.producerNames(PRODUCERS_NAMED);
  const more = catalogue.producerCount - named.length;
  return `[${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}]`;
}

export const dependencyResolution = defineCheck({
  id: 'level4.dependency_resolution',
  level: 4,
  severity: 'blocker',
  importance: 1.4,
  appliesTo: 'all',
  title: "Every required dependency resolves against the catalogue's upstream producers",
  run(ctx) {
    const spec = ctx.specification();
    if (spec.dependencies.size === 0) return notApplicable('the specification declares no dependencies to resolve');
    const catalogue = ctx.upstreamCatalogue();
    const matches = catalogue.matchDependencies(ctx.registration.stepName, spec);
    const evidence = matches.map((m) => ({
      dependency: m.dependency.logicalName,
      type: m.dependency.dependencyType,
      required: m.dependency.required,
      resolvedTo: m.resolved ? { step: m.resolved.providerStep, output: m.resolved.outputName, score: m.resolved.score } : null,
      candidates: m.candidates,
    }));
    const misses = matches.filter((m) => m.dependency.required && !m.resolved);
    if (misses.length > 0) {
      const described = misses.map((m) => {
        const candidates =
          m.candidates.length > 0
            ? describeCandidates(m.candidates)
            : `no producer offers an output of a type it accepts (${acceptedOutputTypes(m.dependency.dependencyType).join(', ')})`;
        return `Required dependency '${m.dependency.logicalName}' (${m.dependency.dependencyType}) resolves to no producer in the catalogue ${producerList(catalogue)}: ${candidates}; a match needs a score above 0.5`;
      });
      return fail(described.join('; '), { dependencies: evidence });
    }
    const resolved = matches.flatMap((m) =>
      m.resolved ? [`${m.dependency.logicalName}${m.dependency.required ? '' : ' (optional)'} → ${m.resolved.providerStep}.${m.resolved.outputName} (${m.resolved.score.toFixed(3)})`] : [],
    );
    return pass(resolved.join('; '));
  },
});
