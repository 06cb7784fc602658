// Python 3's `json.dumps(value)` with default arguments: separators ', ' and ': ',
// ensure_ascii=True, allow_nan=True, no sorting.
//
// JavaScript cannot tell 1.0 from 1, so every integral number encodes as an integer;
// a number read from a config file as a float (`1.0`, `1e3`) arrives as a PythonFloat
// and encodes as Python writes a float (`1.0`, `1000.0`). Objects encode in JavaScript's own key order, which is insertion
// order except that integer-like keys come first in ascending order.

import { isPlainObject } from './pipeline-expression.js';

/** A number written as a float in its source (`1.0`): Python keeps it a float, so json.dumps writes `1.0`. */
export class PythonFloat {
  constructor(readonly value: number) {}

  /** JSON.stringify sees the plain number. */
  toJSON(): number {
    return this.value;
  }

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return pythonFloatText(this.value);
  }
}

/** The number itself, whether plain or a PythonFloat. */
export function numericValue(value: unknown): unknown {
  return value instanceof PythonFloat ? value.value : value;
}

/** Python's `repr(float(value))`, integral values included (`1.0`, `1e+16`). */
export function pythonFloatText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return pythonFloatRepr(value);
}

export function pythonJsonDumps(value: unknown): string {
  return encode(value, new Set());
}

function encode(value: unknown, open: Set<object>): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return encodeNumber(value);
  if (value instanceof PythonFloat) return Number.isFinite(value.value) ? pythonFloatText(value.value) : encodeNumber(value.value);
  if (Array.isArray(value)) return encodeContainer(value, open, () => encodeArray(value, open));
  if (isPlainObject(value)) return encodeContainer(value, open, () => encodeObject(value, open));
  throw new TypeError(`Object of type ${describeType(value)} is not JSON serializable`);
}

function encodeContainer(container: object, open: Set<object>, body: () => string): string {
  if (open.has(container)) throw new TypeError('Circular reference detected');
  open.add(container);
  try {
    return body();
  } finally {
    open.delete(container);
  }
}

function encodeArray(items: readonly unknown[], open: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(encode(items[i], open));
  return `[${parts.join(', ')}]`;
}

function encodeObject(object: Record<string, unknown>, open: Set<object>): string {
  const parts = Object.entries(object).map(([key, item]) => `${encodeString(key)}: ${encode(item, open)}`);
  return `{${parts.join(', ')}}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Printable ASCII but the quote and the backslash: characters json.dumps writes as they are. */
const WRITTEN_AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

// Iterates UTF-16 code units, so astral characters come out as their surrogate pair,
// exactly as Python's ensure_ascii does.
function encodeString(text: string): string {
  // Most names and values need no escape: one test instead of a string built a character at a time.
  if (WRITTEN_AS_IS.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function encodeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Number.isInteger(value)) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** Python's `repr(float)` for a finite, non-integral number. */
export function pythonFloatRepr(value: number): string {
  // toExponential() without an argument yields the shortest round-trip digits, as repr does.
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(value.toExponential());
  if (match === null) throw new Error(`Unexpected exponential form for ${value}`);
  const [, sign = '', lead = '', rest = '', exponentText = '0'] = match;
  const digits = lead + rest;
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${lead}.${rest}` : lead;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const pointAt = exponent + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

/** Python's `str(value)` for what a config holds: strings bare, `True`/`False`/`None`, containers as Python's repr. */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : pythonFloatText(value);
  if (value instanceof PythonFloat) return pythonFloatText(value.value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(', ')}}`;
  throw new TypeError(`Cannot write ${describeType(value)} as a Python value`);
}
