import { isPlainRecord } from '@stepscore/step-model';
import { childPath } from './pipeline-expressions.js';

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Where two JSON values differ, as `at: expected …, found …`, at most `limit` of them. */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 10): string[] {
  const differences: string[] = [];
  const compare = (a: unknown, b: unknown, at: string): void => {
    if (differences.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) compare(a[i], b[i], childPath(at, i));
      return;
    }
    if (isPlainRecord(a) && isPlainRecord(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) compare(a[key], b[key], childPath(at, key));
      return;
    }
    if (!Object.is(a, b)) differences.push(`${at === '' ? 'the definition' : at}: sent ${show(a)}, got back ${show(b)}`);
  };
  compare(expected, actual, '');
  return differences;
}
