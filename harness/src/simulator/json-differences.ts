import diff from 'microdiff';
import { childPath } from './pipeline-expressions.js';

/**
 * One place where a JSON value received differs from the one expected, named by its path (`a[1].b`; '' for the
 * whole value): `dropped` is in the expected value only, `added` in the received one only, `changed` in both.
 */
export type JsonDifference =
  | { readonly kind: 'dropped'; readonly at: string; readonly expected: unknown }
  | { readonly kind: 'added'; readonly at: string; readonly found: unknown }
  | { readonly kind: 'changed'; readonly at: string; readonly expected: unknown; readonly found: unknown };

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;
const pathOf = (path: readonly (string | number)[]): string => path.reduce<string>((at, key) => childPath(at, key), '');

/** The differences between two JSON values, in document order. The structural walk is microdiff's. */
export function jsonDifferences(expected: unknown, found: unknown): JsonDifference[] {
  if (!isContainer(expected) || !isContainer(found) || Array.isArray(expected) !== Array.isArray(found)) {
    return JSON.stringify(expected) === JSON.stringify(found) ? [] : [{ kind: 'changed', at: '', expected, found }];
  }
  return diff(expected, found).map((d): JsonDifference => {
    const at = pathOf(d.path);
    if (d.type === 'REMOVE') return { kind: 'dropped', at, expected: d.oldValue };
    if (d.type === 'CREATE') return { kind: 'added', at, found: d.value };
    return { kind: 'changed', at, expected: d.oldValue, found: d.value };
  });
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Each difference between a value sent and the value read back, as `at: sent …, got back …`, at most `limit`. */
export function roundTripDifferences(sent: unknown, returned: unknown, limit = 10): string[] {
  return jsonDifferences(sent, returned)
    .slice(0, limit)
    .map((d) => {
      const sentValue = d.kind === 'added' ? undefined : d.expected;
      const returnedValue = d.kind === 'dropped' ? undefined : d.found;
      return `${d.at === '' ? 'the definition' : d.at}: sent ${show(sentValue)}, got back ${show(returnedValue)}`;
    });
}
