import { describe, expect, it } from 'vitest';
import { compileServicePattern } from '../src/service-pattern.js';

function matches(pattern: string, value: string): boolean {
  const compiled = compileServicePattern(pattern);
  if (!compiled.ok) throw new Error(`pattern ${pattern} did not compile: ${compiled.reason}`);
  return compiled.regex.test(value);
}

describe('compileServicePattern', () => {
  it('matches the whole value, as the service does', () => {
    expect(matches('[a-z]+', 'abc')).toBe(true);
    expect(matches('[a-z]+', 'abc1')).toBe(false);
    expect(matches('[a-z]+', '1abc')).toBe(false);
    expect(matches('a|b', 'ab')).toBe(false);
    expect(matches('(https|s3)://([^/]+)/?(.*)', 's3://bucket/key')).toBe(true);
    expect(matches('(https|s3)://([^/]+)/?(.*)', 'see s3://bucket/key')).toBe(false);
  });

  it('understands Unicode property classes', () => {
    expect(matches('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)', 'Kostenstelle ü 42')).toBe(true);
    expect(matches('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)', 'a#b')).toBe(false);
  });

  it("rewrites Java's ASCII-only POSIX classes", () => {
    const pattern = 'arn:[\\p{Alnum}\\-]+:lambda:[\\p{Alnum}\\-]+:[0-9]{12}:function:.*';
    expect(matches(pattern, 'arn:aws:lambda:us-west-2:123456789012:function:f')).toBe(true);
    expect(matches(pattern, 'arn:aws:lambda:us-wést-2:123456789012:function:f')).toBe(false);
    expect(matches('\\p{Digit}+x', '42x')).toBe(true);
  });

  it('drops the needless escapes Java allows and the u flag rejects', () => {
    expect(matches('[a-zA-Z0-9\\_\\-]+', 'a_b-c')).toBe(true);
    expect(matches('[a-zA-Z0-9\\ \\_\\.]+', 'a b_c.d')).toBe(true);
    expect(matches('[a-zA-Z0-9\\ \\_\\.]+', 'a,b')).toBe(false);
    expect(matches('[a-z]+\\-[0-9a-z\\-]+', 'ml-g5-x')).toBe(true);
  });

  it('reports, and does not throw for, patterns JavaScript cannot compile', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the service model's pattern text, not a template
    const compiled = compileServicePattern('([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}');
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.reason).toMatch(/Nothing to repeat/);
    expect(compileServicePattern('\\p{Javaidentifier}').ok).toBe(false);
  });

  it('compiles a pattern once', () => {
    expect(compileServicePattern('[0-9]+')).toBe(compileServicePattern('[0-9]+'));
  });
});
