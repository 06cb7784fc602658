import { isPipelineExpression, type PipelineExpression } from '@stepscore/sagemaker';
import { childPath } from './pipeline-expressions.js';

/** A reference that did not resolve to a value. */
export interface UnresolvedReference {
  /** Where it sits in the step, e.g. `Arguments.PrimaryContainer.ModelDataUrl`. */
  readonly at: string;
  readonly expression: PipelineExpression;
  readonly reason: string;
}

export type GetLookup = (get: string) => { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

export interface ResolvedValue<T = unknown> {
  readonly value: T;
  readonly unresolved: readonly UnresolvedReference[];
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * `value` with every `Get` and `Std:Join` replaced by what it stands for at execution time. A reference
 * that finds nothing, or finds a structure where a value belongs, is left in place and reported.
 */
export function resolveExpressions(value: unknown, lookup: GetLookup, at = ''): ResolvedValue {
  const unresolved: UnresolvedReference[] = [];
  const resolve = (item: unknown, where: string): unknown => {
    if (isPipelineExpression(item)) {
      const scalar = resolveExpression(item, where);
      return scalar === undefined ? item : scalar;
    }
    if (Array.isArray(item)) return item.map((x, i) => resolve(x, childPath(where, i)));
    if (typeof item === 'object' && item !== null && !(item instanceof Date)) {
      return Object.fromEntries(Object.entries(item).map(([k, x]) => [k, resolve(x, childPath(where, k))]));
    }
    return item;
  };
  const resolveExpression = (expression: PipelineExpression, where: string): Scalar | undefined => {
    if ('Get' in expression) {
      const found = lookup(expression.Get);
      if (!found.ok) {
        unresolved.push({ at: where, expression, reason: found.reason });
        return undefined;
      }
      if (!isScalar(found.value)) {
        unresolved.push({
          at: where,
          expression,
          reason: `${expression.Get} is a ${Array.isArray(found.value) ? 'list' : typeof found.value === 'object' ? 'structure' : typeof found.value}, not a value`,
        });
        return undefined;
      }
      return found.value;
    }
    if ('Std:Join' in expression) {
      const { On, Values } = expression['Std:Join'];
      const parts = Values.map((part, i) =>
        isPipelineExpression(part) ? resolveExpression(part, childPath(childPath(childPath(where, 'Std:Join'), 'Values'), i)) : part,
      );
      if (parts.some((p) => p === undefined)) return undefined;
      const nonScalar = parts.findIndex((p) => !isScalar(p));
      if (nonScalar >= 0) {
        unresolved.push({
          at: childPath(childPath(childPath(where, 'Std:Join'), 'Values'), nonScalar),
          expression,
          reason: 'Std:Join can only join strings, numbers and booleans',
        });
        return undefined;
      }
      return parts.map(String).join(On);
    }
    unresolved.push({ at: where, expression, reason: "Std:JsonGet reads a property file's contents, which a dry run does not have" });
    return undefined;
  };
  return { value: resolve(value, at), unresolved };
}
