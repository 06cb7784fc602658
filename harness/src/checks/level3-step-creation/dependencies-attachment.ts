import type { DependencyStep, PipelineStepDefinition } from '@stepscore/step-builder';
import { type DependencySpec, type OutputSpec, propertyGet, StepSpecification } from '@stepscore/step-model';
import { defineCheck, fail, notApplicable } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { upstreamCatalogue } from '../../catalogue/upstream-catalogue.js';
import { builderOutcome } from './builder-outcome.js';
import { probeBuilder } from './config-variants.js';
import { findGetExpressions, show } from './step-arguments.js';

/** A step the builder is told to wait for that supplies no inputs. */
export const EXTRA_DEPENDS_ON_STEP = 'ExtraStep';

interface Supplier {
  readonly dependency: DependencySpec;
  readonly step: DependencyStep;
  readonly output: OutputSpec;
}

/** For each required dependency, the first catalogue producer with an output of that name or alias. */
function suppliersFor(required: readonly DependencySpec[]): { suppliers: Supplier[]; unmatched: string[] } {
  const producers = upstreamCatalogue.producers.map((p) => ({ name: p.stepName, spec: StepSpecification.create(p.specification) }));
  const suppliers: Supplier[] = [];
  const unmatched: string[] = [];
  for (const dependency of required) {
    const match = producers
      .map((step) => ({ step, output: step.spec.getOutputByNameOrAlias(dependency.logicalName) }))
      .find((m): m is { step: DependencyStep; output: OutputSpec } => m.output !== undefined);
    if (match) suppliers.push({ dependency, ...match });
    else unmatched.push(dependency.logicalName);
  }
  return { suppliers, unmatched };
}

export const dependenciesAttachment = defineCheck({
  id: 'level3.dependencies_attachment',
  level: 3,
  severity: 'major',
  importance: 1.3,
  appliesTo: 'all',
  title: 'Dependencies become DependsOn entries and Get references to the upstream outputs',
  async run(ctx) {
    const { builder } = probeBuilder(ctx);
    const required = builder.spec.listRequiredDependencies();
    const { suppliers, unmatched } = suppliersFor(required);
    if (unmatched.length > 0) {
      return notApplicable(
        `no producer in the upstream catalogue (${upstreamCatalogue.producers.map((p) => p.stepName).join(', ')}) ` +
          `has an output named ${unmatched.join(', ')}, so ${ctx.registration.stepName}'s required inputs cannot be supplied`,
      );
    }
    const upstream = [...new Map(suppliers.map((s) => [s.step.name, s.step])).values()];
    const upstreamNames = upstream.map((s) => s.name);
    const described = suppliers.map((s) => `${s.dependency.logicalName} <- ${s.step.name}.${s.output.logicalName}`).join(', ');
    let step: PipelineStepDefinition;
    try {
      step = await builder.createStep({ dependencies: upstream, dependsOn: [EXTRA_DEPENDS_ON_STEP] });
    } catch (error) {
      return fail(
        `${ctx.registration.stepName} could not create its step with dependencies ${upstreamNames.join(', ')} (${described}) ` +
          `and dependsOn ['${EXTRA_DEPENDS_ON_STEP}']: ${errorMessage(error)}`,
      );
    }
    const problems: string[] = [];
    const dependsOn: unknown = step.DependsOn;
    if (!Array.isArray(dependsOn)) {
      problems.push(`DependsOn is ${show(dependsOn)}; it must be a list naming ${[...upstreamNames, EXTRA_DEPENDS_ON_STEP].map(show).join(' and ')}`);
    } else {
      for (const name of [...upstreamNames, EXTRA_DEPENDS_ON_STEP]) {
        if (!dependsOn.includes(name)) problems.push(`DependsOn ${show(dependsOn)} does not name '${name}'`);
      }
      const repeated = dependsOn.filter((name, i) => dependsOn.indexOf(name) !== i);
      if (repeated.length > 0) problems.push(`DependsOn names ${[...new Set(repeated)].map(show).join(', ')} more than once`);
    }
    const gets = findGetExpressions(step.Arguments);
    for (const supplier of suppliers) {
      const expected = propertyGet(supplier.step.name, supplier.output.propertyPath).Get;
      if (!gets.some((g) => g.get === expected)) {
        const found = gets.length > 0 ? gets.map((g) => `${g.path} -> ${g.get}`).join(', ') : 'none';
        problems.push(
          `required input '${supplier.dependency.logicalName}' should reach the Arguments as {"Get": "${expected}"} ` +
            `(output '${supplier.output.logicalName}' of ${supplier.step.name}), but no such reference is there (Get references found: ${found})`,
        );
      }
    }
    return builderOutcome(
      `${ctx.registration.stepName} with dependencies ${upstreamNames.join(', ')}`,
      problems,
      `DependsOn ${JSON.stringify(dependsOn)}; ${described} arrive as Get references`,
      { dependsOn, gets },
    );
  },
});
