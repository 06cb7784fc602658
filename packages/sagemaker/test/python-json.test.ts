import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonFloatRepr, pythonJsonDumps } from '../src/python-json.js';
import { anyCodePointString } from './support/any-code-point.js';

// Every expected string below was produced once by Python 3.11's json.dumps / repr.

describe('pythonJsonDumps', () => {
  it('writes Python literals and integers', () => {
    expect(pythonJsonDumps(null)).toBe('null');
    expect(pythonJsonDumps(true)).toBe('true');
    expect(pythonJsonDumps(false)).toBe('false');
    expect(pythonJsonDumps(10)).toBe('10');
    expect(pythonJsonDumps(-64)).toBe('-64');
    expect(pythonJsonDumps(2n ** 70n)).toBe('1180591620717411303424');
  });

  it('writes an integral number as an integer, because 1.0 and 1 are the same JavaScript number', () => {
    expect(pythonJsonDumps(1.0)).toBe('1');
    expect(pythonJsonDumps(1e21)).toBe('1000000000000000000000');
  });

  it.each([
    [0.1, '0.1'],
    [0.001, '0.001'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [9.5e-5, '9.5e-05'],
    [0.00012345, '0.00012345'],
    [123456.789, '123456.789'],
    [1e-7, '1e-07'],
    [-2.5e-10, '-2.5e-10'],
    [1 / 3, '0.3333333333333333'],
    [2 / 3, '0.6666666666666666'],
    [5e-324, '5e-324'],
    [-0.5, '-0.5'],
    [12345678901234.5, '12345678901234.5'],
    [123456789012345.6, '123456789012345.6'],
    [1234567890123456.8, '1234567890123456.8'],
    [2.71, '2.71'],
  ])('writes the float %s as Python repr %s', (value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });

  it('writes NaN and the infinities the way allow_nan=True does', () => {
    expect(pythonJsonDumps(NaN)).toBe('NaN');
    expect(pythonJsonDumps(Infinity)).toBe('Infinity');
    expect(pythonJsonDumps(-Infinity)).toBe('-Infinity');
  });

  it('escapes strings like ensure_ascii=True, with lowercase hex and surrogate pairs', () => {
    const text = 'h\u00e9llo \u2603 \u{1F600} \u0000\u001f\u007f "q" \\ \n\r\t\b\f /';
    expect(pythonJsonDumps(text)).toBe('"h\\u00e9llo \\u2603 \\ud83d\\ude00 \\u0000\\u001f\\u007f \\"q\\" \\\\ \\n\\r\\t\\b\\f /"');
    expect(pythonJsonDumps('\ud800x')).toBe('"\\ud800x"');
  });

  it("uses Python's separators and keeps key order", () => {
    expect(pythonJsonDumps({ a: [1, 2.5, null, true, false], b: { c: 'd' }, '\u00e9': [] })).toBe(
      '{"a": [1, 2.5, null, true, false], "b": {"c": "d"}, "\\u00e9": []}',
    );
    expect(pythonJsonDumps([[], {}, [[]]])).toBe('[[], {}, [[]]]');
    expect(pythonJsonDumps({ z: 1, a: 2 })).toBe('{"z": 1, "a": 2}');
  });

  it('refuses what json.dumps cannot serialize', () => {
    expect(() => pythonJsonDumps(undefined)).toThrow(/not JSON serializable/);
    expect(() => pythonJsonDumps(new Date(0))).toThrow(/Date is not JSON serializable/);
    expect(() => pythonJsonDumps({ f: () => 1 })).toThrow(/function is not JSON serializable/);
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => pythonJsonDumps(loop)).toThrow(/Circular reference/);
  });

  it('allows the same object twice when it is not nested in itself', () => {
    const shared = { a: 1 };
    expect(pythonJsonDumps([shared, shared])).toBe('[{"a": 1}, {"a": 1}]');
  });
});

describe('pythonFloatRepr', () => {
  it.each([
    [1, '1.0'],
    [1.5e16, '1.5e+16'],
    [1.5000000000000002e16, '1.5000000000000002e+16'],
    [1e16, '1e+16'],
    [1e22, '1e+22'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [100.25, '100.25'],
    [123456789012345.0, '123456789012345.0'],
  ])('writes %s as %s', (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });
});

describe('pythonJsonDumps of a string', () => {
  // json.dumps(s) with ensure_ascii: JSON's escapes, every code unit outside printable ASCII as \uXXXX.
  const escapes: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  const reference = (text: string): string => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out += escapes[text.charAt(i)] ?? (code >= 0x20 && code <= 0x7e ? text.charAt(i) : `\\u${code.toString(16).padStart(4, '0')}`);
    }
    return `"${out}"`;
  };

  it('writes printable ASCII as it is and escapes the rest, as Python does', () => {
    expect(pythonJsonDumps('s3://bucket/key')).toBe('"s3://bucket/key"');
    expect(pythonJsonDumps('a"b\\c')).toBe('"a\\"b\\\\c"');
    fc.assert(fc.property(anyCodePointString(), (text) => pythonJsonDumps(text) === reference(text)));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '~', '\x7f', '\n', 'é', '\ud83d') }),
        (text) => pythonJsonDumps(text) === reference(text),
      ),
    );
  });
});
