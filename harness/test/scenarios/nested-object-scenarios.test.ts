import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exampleValue, nestedObjectScenarios } from '../../src/scenarios/nested-object-scenarios.js';

const base = { name: 'job' };

describe('nestedObjectScenarios', () => {
  it('gives one scenario per member of an optional object the default config leaves out, each member filled in from its schema', () => {
    const schema = z.strictObject({
      name: z.string(),
      strategy: z
        .strictObject({
          threads: z.strictObject({ enabled: z.boolean() }).optional(),
          processes: z.strictObject({ enabled: z.boolean(), per_host: z.number().int().min(1).optional(), options: z.string().optional() }).optional(),
        })
        .optional(),
    });
    const scenarios = nestedObjectScenarios(schema, base);
    expect(scenarios.map((s) => [s.field, s.member])).toEqual([
      ['strategy', 'threads'],
      ['strategy', 'processes'],
    ]);
    expect(scenarios[1]?.change).toEqual({
      field: 'strategy',
      value: { processes: { enabled: true, per_host: 3, options: 'stepscore-probe-strategy-processes-options' } },
      purpose: 'override',
    });
  });

  it('leaves out objects the config sets, required objects, maps of free keys and members the schema refuses alone', () => {
    const schema = z
      .strictObject({
        name: z.string(),
        given: z.strictObject({ a: z.boolean() }).optional(),
        needed: z.strictObject({ a: z.boolean() }),
        tags: z.record(z.string(), z.string()).optional(),
        pair: z.strictObject({ left: z.boolean().optional(), right: z.boolean().optional() }).optional(),
      })
      .refine((c) => c.pair?.left === undefined || c.pair.right !== undefined, { path: ['pair'] });
    const scenarios = nestedObjectScenarios(schema, { ...base, given: { a: false }, needed: { a: false } });
    expect(scenarios.map((s) => `${s.field}.${s.member}`)).toEqual(['pair.right']);
  });

  it('fills in enums with their first value and numbers above an exclusive minimum', () => {
    expect(exampleValue({ enum: ['x', 'y'] }, 'p')).toBe('x');
    expect(exampleValue({ type: 'number', exclusiveMinimum: 0 }, 'p')).toBe(2);
    expect(exampleValue({ type: 'array' }, 'p')).toBeUndefined();
  });
});
