import { resolvePropertyPath, stepTypeVocabulary } from '@stepscore/sagemaker';
import type { PipelineDefinition } from '@stepscore/step-builder';
import { parseStepsGet } from '@stepscore/step-model';
import { findGets } from './pipeline-expressions.js';

const NOT_A_VALUE = new Set(['structure', 'union', 'list', 'map']);
const SPEC_PATH_PREFIX = 'properties.';

/**
 * What is wrong with the `Get: Steps.<name>.<path>` references of a definition: a step that is not in the
 * pipeline, a step referring to itself or (unless `requireEarlierSteps` is false: SageMaker itself orders
 * steps by their references) to a step defined after it, or a path that names no property (or no single
 * value) of the referenced step's response shape.
 */
export function propertyReferenceProblems(definition: PipelineDefinition, options: { readonly requireEarlierSteps?: boolean } = {}): string[] {
  const requireEarlierSteps = options.requireEarlierSteps ?? true;
  const position = new Map(definition.Steps.map((step, i) => [step.Name, i]));
  const problems: string[] = [];
  definition.Steps.forEach((step, index) => {
    for (const found of findGets(step.Arguments, 'Arguments')) {
      const reference = parseStepsGet(found.get);
      if (!reference) {
        if (found.get.startsWith('Steps.'))
          problems.push(`Step '${step.Name}' ${found.at}: '${found.get}' is not of the form Steps.<StepName>.<property path>`);
        continue;
      }
      const where = `Step '${step.Name}' ${found.at} refers to '${found.get}'`;
      const target = position.get(reference.stepName);
      if (target === undefined) {
        problems.push(`${where}, but the pipeline has no step '${reference.stepName}' (steps: ${[...position.keys()].join(', ')})`);
        continue;
      }
      if (target === index) {
        problems.push(`${where}, a property of itself; a step can only use the properties of steps that ran before it`);
        continue;
      }
      if (target > index && requireEarlierSteps) {
        problems.push(`${where}, but '${reference.stepName}' comes later in the pipeline; a reference must point at an earlier step`);
        continue;
      }
      const targetStep = definition.Steps[target];
      const shape = targetStep ? stepTypeVocabulary(targetStep.Type)?.responseShape : undefined;
      if (!targetStep || !shape) {
        problems.push(`${where}, but '${reference.stepName}' is a '${targetStep?.Type}' step, whose properties are not known`);
        continue;
      }
      // A spec's property path starts with 'properties.'; the Get built from it must not, and the path walker would forgive it.
      if (reference.path.startsWith(SPEC_PATH_PREFIX)) {
        problems.push(
          `${where}, but a Get names the property without '${SPEC_PATH_PREFIX}' ('Steps.${reference.stepName}.${reference.path.slice(SPEC_PATH_PREFIX.length)}'): ` +
            `${shape} has no member 'properties'`,
        );
        continue;
      }
      const resolution = resolvePropertyPath(reference.path, shape);
      if (!resolution.ok) {
        const nearest = resolution.nearest.length > 0 ? ` (nearest: ${resolution.nearest.join(', ')})` : '';
        problems.push(`${where}, but ${reference.path} is not a property of ${shape}: ${resolution.reason}${nearest}`);
      } else if (NOT_A_VALUE.has(resolution.leafType)) {
        problems.push(`${where}, but ${reference.path} is a ${resolution.leafType} of ${shape}, not a single value`);
      }
    }
  });
  return problems;
}
