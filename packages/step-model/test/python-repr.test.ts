import { describe, expect, it } from 'vitest';
import { pythonListRepr, pythonSetRepr, pythonStrRepr } from '../src/index.js';

describe('pythonStrRepr', () => {
  it("quotes with ' like Python", () => {
    expect(pythonStrRepr('checkpoints')).toBe("'checkpoints'");
  });

  it('switches to double quotes when the text holds \' but no "', () => {
    expect(pythonStrRepr("it's")).toBe('"it\'s"');
  });

  it("escapes ' when the text holds both quote kinds", () => {
    expect(pythonStrRepr(`a'b"c`)).toBe(`'a\\'b"c'`);
  });

  it('escapes backslashes and control characters as Python does', () => {
    expect(pythonStrRepr('a\\b')).toBe("'a\\\\b'");
    expect(pythonStrRepr('line\nnext\ttab\rret')).toBe("'line\\nnext\\ttab\\rret'");
    expect(pythonStrRepr('\u0001\u007f')).toBe("'\\x01\\x7f'");
  });
});

describe('pythonSetRepr', () => {
  it("prints {'a', 'b'}, sorted so that messages are stable", () => {
    expect(pythonSetRepr(['b', 'a'])).toBe("{'a', 'b'}");
  });

  it('drops duplicates', () => {
    expect(pythonSetRepr(['x', 'x'])).toBe("{'x'}");
  });

  it('prints set() for an empty set', () => {
    expect(pythonSetRepr([])).toBe('set()');
  });
});

describe('pythonListRepr', () => {
  it('keeps order and uses repr for each element', () => {
    expect(pythonListRepr(['b', "it's", 'a'])).toBe(`['b', "it's", 'a']`);
  });

  it('prints [] for an empty list', () => {
    expect(pythonListRepr([])).toBe('[]');
  });

  it("renders the reference's alignment error list exactly", () => {
    expect(pythonListRepr(["Contract outputs missing from specification outputs: {'checkpoints'}"])).toBe(
      `["Contract outputs missing from specification outputs: {'checkpoints'}"]`,
    );
  });
});
