import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysIn, literalsIn, literalText, numbersIn, stringsIn } from '../../../src/checks/level3-step-creation/scenario-judgement.js';
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

describe('stringsIn, numbersIn and keysIn', () => {
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
    expect(numbersIn(value)).toStrictEqual([
      { path: 'B[0]', value: 1 },
      { path: 'B[2].C', value: 2 },
    ]);
    expect(keysIn(value)).toStrictEqual(['A', 'B', 'C', 'D', 'E', 'Std:Join', 'On', 'Values', 'Get', 'F']);
  });

  it('take a leaf given on its own, and a starting path', () => {
    expect(stringsIn('v', 'At')).toStrictEqual([{ path: 'At', value: 'v' }]);
    expect(numbersIn([5], 'N')).toStrictEqual([{ path: 'N[0]', value: 5 }]);
    expect(stringsIn(null)).toStrictEqual([]);
  });
});

describe('stringsIn, numbersIn and literalsIn, for any request-like value', () => {
  it('find the leaves and paths the Object.entries walk found, in its order', () => {
    const isString = (v: unknown) => typeof v === 'string';
    const isNumber = (v: unknown) => typeof v === 'number';
    fc.assert(
      fc.property(requestLikeValue, fc.constantFrom('', 'Arguments'), (value, path) => {
        expect(stringsIn(value, path)).toStrictEqual(leavesByEntries(value, path, isString));
        expect(numbersIn(value, path)).toStrictEqual(leavesByEntries(value, path, isNumber));
        expect(literalsIn(value, path)).toStrictEqual(leavesByEntries(value, path, (v) => isString(v) || isNumber(v)));
      }),
      { numRuns: 300 },
    );
  });
});
