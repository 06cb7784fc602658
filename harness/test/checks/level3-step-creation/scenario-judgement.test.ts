import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNumber, isString, keysIn, leafValuesIn, literalsIn, literalText, stringsIn } from '../../../src/checks/level3-step-creation/scenario-judgement.js';
import { requestLikeValue } from '../../support/request-like-values.js';

/** The leaves of a value as first walked, with Object.entries and array entries: the walk it is compared with. */
function leavesByEntries(
  value: unknown,
  path: string,
  isLeaf: (v: unknown) => boolean,
  found: { path: string; value: unknown }[] = [],
): { path: string; value: unknown }[] {
  if (isLeaf(value)) found.push({ path, value });
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) leavesByEntries(item, `${path}[${i}]`, isLeaf, found);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) leavesByEntries(item, path === '' ? key : `${path}.${key}`, isLeaf, found);
  return found;
}

describe('literalText', () => {
  it.each([
    ['plain text', 'train.py', 'train.py'],
    ["a json.dumps'ed string", '"train.py"', 'train.py'],
    ["a json.dumps'ed string after JSON whitespace", ' \n\t"train.py"', 'train.py'],
    ['JSON that is not a string', '123', '123'],
    ['a JSON object', '{"a": "b"}', '{"a": "b"}'],
    ['text starting with a quote that is not JSON', '"train.py', '"train.py'],
    ['a quote after a space JSON does not skip', '\u00a0"x"', '\u00a0"x"'],
  ])('reads %s', (_, value, expected) => {
    expect(literalText(value)).toBe(expected);
  });

  it('gives undefined for what is not a string', () => {
    expect(literalText({ Get: 'Parameters.X' })).toBeUndefined();
    expect(literalText(3)).toBeUndefined();
  });
});

describe('stringsIn, leafValuesIn and keysIn', () => {
  const value = { A: 'x', B: [1, 'y', { C: 2, D: ['z'] }], E: { 'Std:Join': { On: '/', Values: ['s3://b', { Get: 'Parameters.P' }] } }, F: true };

  it('list every leaf in document order with its path', () => {
    expect(stringsIn(value)).toStrictEqual([
      { path: 'A', value: 'x' },
      { path: 'B[1]', value: 'y' },
      { path: 'B[2].D[0]', value: 'z' },
      { path: 'E.Std:Join.On', value: '/' },
      { path: 'E.Std:Join.Values[0]', value: 's3://b' },
      { path: 'E.Std:Join.Values[1].Get', value: 'Parameters.P' },
    ]);
    expect(leafValuesIn(value, isNumber)).toStrictEqual([1, 2]);
    expect(leafValuesIn(value, isString)).toStrictEqual(['x', 'y', 'z', '/', 's3://b', 'Parameters.P']);
    expect(keysIn(value)).toStrictEqual(['A', 'B', 'C', 'D', 'E', 'Std:Join', 'On', 'Values', 'Get', 'F']);
  });

  it('take a leaf given on its own, and a starting path', () => {
    expect(stringsIn('v', 'At')).toStrictEqual([{ path: 'At', value: 'v' }]);
    expect(leafValuesIn(5, isNumber)).toStrictEqual([5]);
    expect(leafValuesIn([5], isNumber, [4])).toStrictEqual([4, 5]);
    expect(stringsIn(null)).toStrictEqual([]);
  });
});

describe('stringsIn, leafValuesIn and literalsIn, for any request-like value', () => {
  it('find the leaves and paths the Object.entries walk found, in its order', () => {
    fc.assert(
      fc.property(requestLikeValue, fc.constantFrom('', 'Arguments'), (value, path) => {
        expect(stringsIn(value, path)).toStrictEqual(leavesByEntries(value, path, isString));
        expect(leafValuesIn(value, isNumber)).toStrictEqual(leavesByEntries(value, path, isNumber).map((leaf) => leaf.value));
        expect(leafValuesIn(value, isString)).toStrictEqual(leavesByEntries(value, path, isString).map((leaf) => leaf.value));
        expect(literalsIn(value, path)).toStrictEqual(leavesByEntries(value, path, (v) => isString(v) || isNumber(v)));
      }),
      { numRuns: 300 },
    );
  });
});
