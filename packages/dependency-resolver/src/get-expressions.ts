import type { GetExpression, PropertyReference } from '@stepscore/step-model';

/** `{dep: {Get: 'Steps.<step>.<path>'}}`, what a builder receives as its resolved inputs. */
export function resolvedToGetExpressions(resolved: ReadonlyMap<string, PropertyReference>): Record<string, GetExpression> {
  return Object.fromEntries([...resolved].map(([dependency, reference]) => [dependency, reference.toSageMakerProperty()]));
}
