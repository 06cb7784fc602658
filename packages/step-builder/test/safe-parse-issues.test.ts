import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PythonFloat } from '@stepscore/sagemaker';
import { ConfigValidationError, parseConfig, safeParseIssues, toConfigIssues, tryParseConfig } from '../src/index.js';
import { exampleConfigSchema, validBaseConfig } from './support/example-builder.js';

const schema = z
  .strictObject({
    name: z.string().min(3),
    count: z.number().int().min(1),
    mode: z.enum(['a', 'b']).default('a'),
  })
  .superRefine((config, ctx) => {
    if (config.mode === 'b' && config.count > 5) ctx.addIssue({ code: 'custom', path: ['count'], message: 'mode b takes at most 5' });
  });

describe('safeParseIssues', () => {
  it('gives the data safeParse gives for a config the schema accepts', () => {
    const value = { name: 'abc', count: 2 };
    expect(safeParseIssues(schema, value)).toStrictEqual({ success: true, data: schema.parse(value) });
  });

  it.each([
    ['a short name and a fraction', { name: 'ab', count: 1.5 }],
    ['an unknown field', { name: 'abc', count: 1, colour: 'red' }],
    ['a missing field', { name: 'abc' }],
    ['a cross-field rule', { name: 'abc', count: 9, mode: 'b' }],
  ])('refuses %s with the issues a ZodError holds, inputs included', (_, value) => {
    const plain = schema.safeParse(value, { reportInput: true });
    const result = safeParseIssues(schema, value, { reportInput: true });
    expect(plain.success).toBe(false);
    expect(result.success).toBe(false);
    if (result.success || plain.success) return;
    expect(result.error.issues).toStrictEqual(plain.error.issues);
    expect(result.error).not.toBeInstanceOf(Error);
    expect(toConfigIssues(result.error)).toStrictEqual(toConfigIssues(plain.error));
  });
});

describe('parseConfig on a refused config', () => {
  it('throws a ConfigValidationError whose issues are those of the ZodError safeParse makes', () => {
    const { author: _author, ...bad } = { ...validBaseConfig, bucket: 'Not A Bucket' };
    let thrown: unknown;
    try {
      parseConfig(exampleConfigSchema, bad, 'Example');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    const expected = exampleConfigSchema.safeParse(bad, { reportInput: true });
    expect(expected.success).toBe(false);
    if (expected.success) return;
    expect((thrown as ConfigValidationError).issues).toStrictEqual(toConfigIssues(expected.error));
    expect((thrown as ConfigValidationError).issues.map((i) => i.field)).toStrictEqual(['author', 'bucket']);
  });
});

describe('tryParseConfig', () => {
  it('returns the config parseConfig returns for a config the schema accepts', () => {
    expect(tryParseConfig(exampleConfigSchema, validBaseConfig)).toStrictEqual({
      ok: true,
      config: parseConfig(exampleConfigSchema, validBaseConfig, 'Example'),
    });
  });

  it('returns, without throwing, the issues parseConfig throws for a refused config', () => {
    const { author: _author, ...bad } = { ...validBaseConfig, bucket: 'Not A Bucket' };
    const result = tryParseConfig(exampleConfigSchema, bad);
    expect(result.ok).toBe(false);
    expect(() => parseConfig(exampleConfigSchema, bad, 'Example')).toThrow(ConfigValidationError);
    let thrown: ConfigValidationError | undefined;
    try {
      parseConfig(exampleConfigSchema, bad, 'Example');
    } catch (error) {
      thrown = error as ConfigValidationError;
    }
    if (result.ok) return;
    expect(result.issues).toStrictEqual(thrown?.issues);
    expect(result.issues.map((i) => i.field)).toStrictEqual(['author', 'bucket']);
  });

  it('gives the schema plain numbers for PythonFloats outside hyperparameters and keeps a key named __proto__ as a field', () => {
    const seen: unknown[] = [];
    // z.unknown() hands its refinement the very value the schema was given.
    const recording = z.unknown().superRefine((value, ctx) => {
      seen.push(value);
      ctx.addIssue({ code: 'custom', message: 'seen' });
    });
    const raw = JSON.parse('{"rate": 1, "nested": {"list": [2, 3]}, "__proto__": {"polluted": true}}') as Record<string, unknown>;
    raw['rate'] = new PythonFloat(1);
    (raw['nested'] as { list: unknown[] }).list[0] = new PythonFloat(2);
    expect(tryParseConfig(recording as never, raw)).toStrictEqual({ ok: false, issues: [{ field: '(config)', message: 'seen' }] });
    const input = seen[0] as Record<string, unknown>;
    expect(input['rate']).toBe(1);
    expect((input['nested'] as { list: unknown[] }).list).toStrictEqual([2, 3]);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Object.hasOwn(input, '__proto__')).toBe(true);
  });
});
