import { isPipelineExpression } from '@stepscore/sagemaker';

/** What kind of value a method returned, in words for a failure message. */
export function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
  if (value instanceof Promise) return 'a Promise';
  if (isPipelineExpression(value)) return `the pipeline expression ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}
