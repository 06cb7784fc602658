import { acceptedOutputTypes } from '@stepscore/dependency-resolver';
import { StepSpecification } from '@stepscore/step-model';
import { defineCheck, fail, notApplicable, pass } from '../../check/check-definition.js';
import { describeCandidates, matchDependencies } from '../../integration/catalogue-resolution.js';
import { upstreamCatalogue } from '../../integration/upstream-catalogue.js';

export const dependencyResolution = defineCheck({
  id: 'level4.dependency_resolution',
  level: 4,
  importance: 1.4,
  appliesTo: 'all',
  title: "Every required dependency resolves against the catalogue's upstream producers",
  run(ctx) {
    const spec = ctx.specification();
    if (spec.dependencies.size === 0) return notApplicable('the specification declares no dependencies to resolve');
    const producers = upstreamCatalogue.producers.map((p) => ({ name: p.stepName, spec: StepSpecification.create(p.specification) }));
    const matches = matchDependencies(ctx.registration.stepName, spec, producers);
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
        return `Required dependency '${m.dependency.logicalName}' (${m.dependency.dependencyType}) resolves to no producer in the catalogue [${producers.map((p) => p.name).join(', ')}]: ${candidates}; a match needs a score above 0.5`;
      });
      return fail(described.join('; '), { dependencies: evidence });
    }
    const resolved = matches.flatMap((m) =>
      m.resolved ? [`${m.dependency.logicalName}${m.dependency.required ? '' : ' (optional)'} → ${m.resolved.providerStep}.${m.resolved.outputName} (${m.resolved.score.toFixed(3)})`] : [],
    );
    return pass(resolved.join('; '));
  },
});
