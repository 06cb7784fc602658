import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConstraintModel } from '../src/constraint-model.js';
import { codePointCount, describeValue, validateShape } from '../src/shape-validator.js';
import { anyCodePointString } from './support/any-code-point.js';

const model: ConstraintModel = {
  _meta: { source: 'test', botocoreVersion: 'test', regenerate: 'none', roots: ['Request'] },
  shapes: {
    Request: {
      type: 'structure',
      required: ['Name'],
      members: { Name: 'Name', Code: 'JavaOnlyCode', Ratio: 'Ratio', Size: 'Size', Choice: 'Choice', Labels: 'Labels', When: 'When' },
    },
    Name: { type: 'string', min: 1, max: 5 },
    JavaOnlyCode: { type: 'string', pattern: '[a-z]*+' },
    Ratio: { type: 'double', min: 0, max: 1 },
    Size: { type: 'long', min: 1 },
    Choice: { type: 'structure', union: true, required: [], members: { A: 'Name', B: 'Name' } },
    Labels: { type: 'map', key: 'Name', value: 'Name', max: 2 },
    When: { type: 'timestamp' },
  },
};

const check = (value: unknown) => validateShape(model, 'Request', value);

describe('validateShape', () => {
  it('accepts a value that meets every constraint', () => {
    expect(check({ Name: 'ok', Ratio: 0.5, Size: 3, Choice: { A: 'x' }, Labels: { a: 'b' }, When: '2024-01-01T00:00:00Z' })).toStrictEqual([]);
  });

  it('reports a pattern JavaScript cannot compile instead of throwing', () => {
    const violations = check({ Name: 'ok', Code: 'abc' });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ path: 'Code', rule: 'pattern' });
    expect(violations[0]?.message).toMatch(/^Code "abc" could not be checked: JavaOnlyCode's pattern \[a-z\]\*\+ is Java syntax/);
  });

  it('checks the range of floating-point numbers and refuses non-finite ones', () => {
    expect(check({ Name: 'ok', Ratio: 1.5 }).map((v) => v.rule)).toStrictEqual(['max']);
    expect(check({ Name: 'ok', Ratio: -0.1 }).map((v) => v.rule)).toStrictEqual(['min']);
    expect(check({ Name: 'ok', Ratio: Number.NaN }).map((v) => v.rule)).toStrictEqual(['type']);
  });

  it('checks longs as integers', () => {
    expect(check({ Name: 'ok', Size: 2.5 }).map((v) => v.rule)).toStrictEqual(['type']);
    expect(check({ Name: 'ok', Size: 0 }).map((v) => v.rule)).toStrictEqual(['min']);
  });

  it('wants exactly one member of a union', () => {
    expect(check({ Name: 'ok', Choice: { A: 'x', B: 'y' } })).toMatchObject([{ path: 'Choice', rule: 'type' }]);
    expect(check({ Name: 'ok', Choice: {} })).toMatchObject([{ path: 'Choice', rule: 'type' }]);
  });

  it('checks map keys against the key shape and map size', () => {
    expect(check({ Name: 'ok', Labels: { '': 'b' } })).toMatchObject([{ path: "Labels['']", rule: 'min' }]);
    expect(check({ Name: 'ok', Labels: { a: '1', b: '2', c: '3' } })).toMatchObject([{ path: 'Labels', rule: 'max' }]);
  });

  it('counts string length in characters, not UTF-16 units', () => {
    expect(check({ Name: '\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}' })).toStrictEqual([]);
  });

  it("reports a member named like one of Object.prototype's as unknown, as any other name it does not have", () => {
    expect(check({ Name: 'ok', constructor: 'x', toString: 'y' })).toMatchObject([
      { path: 'constructor', rule: 'unknown-member' },
      { path: 'toString', rule: 'unknown-member' },
    ]);
  });

  it('treats members set to undefined as absent', () => {
    expect(check({ Name: 'ok', Ratio: undefined })).toStrictEqual([]);
    expect(check({ Name: undefined })).toMatchObject([{ path: 'Name', rule: 'required' }]);
  });

  it('refuses timestamps of the wrong kind', () => {
    expect(check({ Name: 'ok', When: true })).toMatchObject([{ path: 'When', rule: 'type' }]);
    expect(check({ Name: 'ok', When: 1700000000 })).toStrictEqual([]);
  });

  it('throws for a shape the model does not have, which is a bug in the model and not in the value', () => {
    expect(() => validateShape(model, 'Missing', {})).toThrow(/no shape 'Missing'/);
  });
});

describe('describeValue', () => {
  it('shows short strings whole and cuts long ones', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue('y'.repeat(41))).toBe(`"${'y'.repeat(40)}"…`);
  });

  it('names other kinds of value', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('a list of 2 items');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(3)).toBe('number 3');
    expect(describeValue({ Get: 'Parameters.X' })).toBe('the pipeline expression {"Get":"Parameters.X"}');
  });
});

describe('codePointCount', () => {
  it('counts what the string iterator gives: a surrogate pair is one character, a lone surrogate one too', () => {
    expect(codePointCount('')).toBe(0);
    expect(codePointCount('s3://bucket/key')).toBe(15);
    expect(codePointCount('a😀b')).toBe(3);
    expect(codePointCount('\ud83d')).toBe(1);
    expect(codePointCount('\ude00\ud83d')).toBe(2);
    expect(codePointCount('x\ud83d')).toBe(2);
    fc.assert(fc.property(anyCodePointString(), (value) => codePointCount(value) === [...value].length));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }),
        (value) => codePointCount(value) === [...value].length,
      ),
    );
  });
});
