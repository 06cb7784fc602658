// Lenient reading of a request as emitted: every reader takes `unknown` and answers
// undefined (or empty) for anything that is not there or not of the expected form.

import { isPipelineExpression, isPlainObject } from './pipeline-expression.js';
import type { StepValue } from './step-types/step-adapter.js';

/** The value at a member/index path, or undefined when some step of the path is missing or of another kind. */
export function valueAt(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
      current = current[key];
    }
  }
  return current;
}

/** A literal scalar or a pipeline expression; undefined for anything else. */
export function asStepValue(value: unknown): StepValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return isPipelineExpression(value) ? value : undefined;
}

export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function literalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The items of a list; [] when the value is not a list. */
export function listItems(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The step values of a list, in order, skipping items of any other form; undefined when it is not a list. */
export function stepValueList(value: unknown): StepValue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map(asStepValue).filter((item): item is StepValue => item !== undefined);
}

/** The entries of a map whose values are step values; {} when the value is not an object. */
export function stepValueMap(value: unknown): Record<string, StepValue> {
  if (!isPlainObject(value) || isPipelineExpression(value)) return {};
  const map: Record<string, StepValue> = {};
  for (const key of Object.keys(value)) {
    const stepValue = asStepValue(value[key]);
    if (stepValue === undefined) continue;
    // A key `__proto__` is an entry, as Object.fromEntries makes it, not the prototype (only it needs defineProperty,
    // which for every key was most of the time here).
    if (key === '__proto__') Object.defineProperty(map, key, { value: stepValue, enumerable: true, writable: true, configurable: true });
    else map[key] = stepValue;
  }
  return map;
}
