// Edits more than one seeded defect makes, written once.
import type { DependencyStep } from '@stepscore/step-builder';
import type { GetExpression } from '@stepscore/step-model';

/**
 * What `extractInputsFromDependencies` returns when its author wires every dependency to the first output of the
 * last step given, whatever the dependency asks for.
 */
export function everyDependencyFromLastStep(steps: readonly DependencyStep[], dependencyNames: Iterable<string>): Record<string, GetExpression> {
  const previous = steps[steps.length - 1];
  const output = previous ? [...previous.spec.outputs.values()][0] : undefined;
  if (!previous || !output) return {};
  const get = { Get: `Steps.${previous.name}.${output.propertyPath.replace(/^properties\./, '')}` };
  return Object.fromEntries([...dependencyNames].map((name) => [name, get]));
}
