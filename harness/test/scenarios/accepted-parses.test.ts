import { describe, expect, it } from 'vitest';
import { AcceptedParses, keepParseFor, sameFields, takeParseFor } from '../../src/scenarios/accepted-parses.js';

describe('sameFields', () => {
  it('holds for the same fields in the same order with the same values, and for nothing else', () => {
    const nested = { a: 1 };
    expect(sameFields({ x: 1, y: nested }, { x: 1, y: nested })).toBe(true);
    expect(sameFields({ x: 1, y: nested }, { x: 1, y: { a: 1 } })).toBe(false);
    expect(sameFields({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
    expect(sameFields({ x: 1 }, { x: 1, y: undefined })).toBe(false);
    expect(sameFields({ x: 0 }, { x: -0 })).toBe(false);
    expect(sameFields({ x: Number.NaN }, { x: Number.NaN })).toBe(true);
  });
});

describe('AcceptedParses', () => {
  it('gives each output recorded for a config with the same fields once, the latest first', () => {
    const parses = new AcceptedParses();
    parses.record({ a: 1 }, 'first');
    parses.record({ a: 2 }, 'second');
    parses.record({ a: 1 }, 'again');
    expect(parses.take({ a: 1 })).toEqual({ output: 'again' });
    expect(parses.take({ a: 1 })).toEqual({ output: 'first' });
    expect(parses.take({ a: 1 })).toBeUndefined();
    expect(parses.take({ a: 3 })).toBeUndefined();
    expect(parses.take({ a: 2 })).toEqual({ output: 'second' });
  });
});

describe('keepParseFor / takeParseFor', () => {
  it('hands the output kept for a plan config to one caller, for that very object only', () => {
    const config = { a: 1 };
    keepParseFor(config, { output: 'parsed' });
    expect(takeParseFor({ a: 1 })).toBeUndefined();
    expect(takeParseFor(config)).toEqual({ output: 'parsed' });
    expect(takeParseFor(config)).toBeUndefined();
  });
});
