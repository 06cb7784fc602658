import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PythonFloat } from '@stepscore/sagemaker';
import { AcceptedParses } from '../../src/scenarios/accepted-parses.js';
import { acceptsWithField, fieldAccepts, fieldRefuses, recordingAcceptedParses, refusedFields, schemaAccepts } from '../../src/scenarios/config-fields.js';

const schema = z
  .strictObject({
    name: z.string().max(5),
    count: z.number().int().min(0),
    level: z.number().refine((n) => !Object.is(n, -0), { error: 'not -0' }),
    flag: z.boolean().optional(),
  })
  .superRefine((config, ctx) => {
    if (config.flag === true && config.count > 3) ctx.addIssue({ code: 'custom', path: ['count'], message: 'at most 3 with flag' });
  });
const raw = { name: 'abc', count: 1, level: 1 };

describe('fieldRefuses', () => {
  it("is true only when the field's own schema raises an issue for the config's value", () => {
    expect(fieldRefuses(schema, { ...raw, name: 'abcdef' }, 'name')).toBe(true);
    expect(fieldRefuses(schema, { name: 'abc', level: 1 }, 'count')).toBe(true);
    expect(fieldRefuses(schema, raw, 'name')).toBe(false);
    // Refused only by the rule across fields: the field's own schema takes it.
    expect(fieldRefuses(schema, { ...raw, flag: true, count: 9 }, 'count')).toBe(false);
  });

  it('is false for a field the schema does not declare, and for a field schema that throws instead of refusing', () => {
    const throwing = z.strictObject({
      path: z.string().transform((value) => {
        if (value === 'boom') throw new Error('boom');
        return value;
      }),
    });
    expect(fieldRefuses(schema, { ...raw, colour: 'red' }, 'colour')).toBe(false);
    expect(fieldRefuses(schema, { ...raw, toString: 'red' }, 'toString')).toBe(false);
    expect(fieldRefuses(throwing, { path: 'boom' }, 'path')).toBe(false);
    expect(fieldRefuses(throwing, { path: 1 }, 'path')).toBe(true);
  });

  it('judges an object value as parseConfig gives it to the schema: a PythonFloat becomes a number', () => {
    expect(fieldRefuses(schema, { ...raw, level: new PythonFloat(1) }, 'level')).toBe(false);
    expect(fieldRefuses(schema, { ...raw, level: new PythonFloat(-0) }, 'level')).toBe(true);
    expect(fieldRefuses(schema, { ...raw, name: ['abc'] }, 'name')).toBe(true);
  });

  it('names a member inside a field only when an issue of the field is at that member or inside it', () => {
    const nested = z.strictObject({
      hyperparameters: z.strictObject({ eta: z.number().max(1), depth: z.number().int(), layers: z.array(z.number().int()).optional() }),
    });
    const config = { hyperparameters: { eta: 1.5, depth: 3, layers: [1, 2.5] } };
    expect(fieldRefuses(nested, config, 'hyperparameters.eta')).toBe(true);
    expect(fieldRefuses(nested, config, 'hyperparameters.layers')).toBe(true);
    expect(fieldRefuses(nested, config, 'hyperparameters')).toBe(true);
    // Refused, but for another member: the whole parse must say whether the probed one is named.
    expect(fieldRefuses(nested, config, 'hyperparameters.depth')).toBe(false);
    expect(fieldRefuses(nested, config, 'hyperparameters.et')).toBe(false);
    expect(fieldRefuses(nested, { hyperparameters: { eta: 0.5, depth: 3 } }, 'hyperparameters.eta')).toBe(false);
    expect(fieldRefuses(nested, {}, 'hyperparameters.eta')).toBe(false);
    // Not an object where the member would be: refused under the field's own name.
    expect(fieldRefuses(nested, { hyperparameters: 'eta=1.5' }, 'hyperparameters.eta')).toBe(false);
  });

  it("names a member that its own schema takes when a rule over the field refuses it under the member's name", () => {
    const ruled = z.strictObject({
      hyperparameters: z.strictObject({ eta: z.number(), depth: z.number() }).refine((h) => h.eta <= 1, { path: ['eta'], error: 'eta ≤ 1' }),
    });
    expect(fieldRefuses(ruled, { hyperparameters: { eta: 1.5, depth: 3 } }, 'hyperparameters.eta')).toBe(true);
    expect(fieldRefuses(ruled, { hyperparameters: { eta: 1.5, depth: 3 } }, 'hyperparameters.depth')).toBe(false);
  });
});

describe('acceptsWithField', () => {
  it("is true only when both the field's own schema and the rules across fields take the value", () => {
    expect(acceptsWithField(schema, raw, 'count', 3)).toBe(true);
    expect(acceptsWithField(schema, raw, 'name', 'abcdef')).toBe(false);
    expect(acceptsWithField(schema, { ...raw, flag: true }, 'count', 9)).toBe(false);
    expect(acceptsWithField(schema, { ...raw, count: 9 }, 'flag', true)).toBe(false);
    expect(acceptsWithField(schema, raw, 'flag', true)).toBe(true);
  });

  it('records the whole config it accepted, for the scenario built from it', () => {
    const parses = new AcceptedParses();
    recordingAcceptedParses(parses, () => acceptsWithField(schema, raw, 'count', 2));
    expect(parses.take({ ...raw, count: 2 })).toEqual({ output: { ...raw, count: 2 } });
  });
});

describe('refusedFields', () => {
  it('is undefined for an accepted config and names the top-level fields of every issue otherwise', () => {
    expect(refusedFields(schema, raw)).toBeUndefined();
    expect(refusedFields(schema, { ...raw, name: 'abcdef', count: -1 })).toEqual({ fields: new Set(['name', 'count']), unattributed: false });
    expect(refusedFields(schema, { ...raw, flag: true, count: 9 })).toEqual({ fields: new Set(['count']), unattributed: false });
  });

  it('says when an issue names no field: a rule over the whole config', () => {
    const whole = z.strictObject({ a: z.number(), b: z.number() }).refine((c) => c.a < c.b, { error: 'a before b' });
    expect(refusedFields(whole, { a: 2, b: 1 })).toEqual({ fields: new Set(), unattributed: true });
    expect(refusedFields(whole, { a: 2, b: 1, c: 3 })?.unattributed).toBe(true);
  });
});

describe('fieldAccepts', () => {
  it("answers as the field's own schema does, asked once or again, from any config", () => {
    for (let round = 0; round < 2; round++) {
      expect(fieldAccepts(schema, raw, 'name', 'abcde')).toBe(true);
      expect(fieldAccepts(schema, raw, 'name', 'abcdef')).toBe(false);
      expect(fieldAccepts(schema, { ...raw, flag: true }, 'count', 9)).toBe(true);
      expect(fieldAccepts(schema, raw, 'count', 1.5)).toBe(false);
      expect(fieldAccepts(schema, raw, 'count', '1')).toBe(false);
    }
  });

  it('does not take -0 for 0', () => {
    expect(fieldAccepts(schema, raw, 'level', 0)).toBe(true);
    expect(fieldAccepts(schema, raw, 'level', -0)).toBe(false);
    expect(fieldAccepts(schema, raw, 'level', 0)).toBe(true);
  });

  it('asks the whole schema about a field it does not declare', () => {
    expect(fieldAccepts(schema, raw, 'colour', 'red')).toBe(false);
  });
});

describe('schemaAccepts', () => {
  it('says what safeParse says, cross-field rules included', () => {
    for (const config of [raw, { ...raw, flag: true, count: 9 }, { ...raw, flag: true }, { ...raw, name: 'too long' }, 'not an object']) {
      expect(schemaAccepts(schema, config)).toBe(schema.safeParse(config).success);
    }
    expect(schemaAccepts(schema, { ...raw, flag: true, count: 9 })).toBe(false);
  });

  it('refuses a config whose schema throws or is asynchronous', () => {
    const throwing = z.object({ a: z.string() }).superRefine(() => {
      throw new Error('boom');
    });
    expect(schemaAccepts(throwing, { a: 'x' })).toBe(false);
    const asynchronous = z.object({ a: z.string() }).refine(async () => true);
    expect(schemaAccepts(asynchronous, { a: 'x' })).toBe(false);
  });
});

describe('recordingAcceptedParses', () => {
  const withDefault = schema.safeExtend({ mode: z.enum(['a', 'b']).default('a') });

  it("records the schema's output for each whole config it accepts, and nothing for one it refuses", () => {
    const parses = new AcceptedParses();
    const accepted = { ...raw, flag: true };
    const refused = { ...raw, flag: true, count: 9 };
    const verdicts = recordingAcceptedParses(parses, () => [schemaAccepts(withDefault, accepted), schemaAccepts(withDefault, refused)]);
    expect(verdicts).toEqual([true, false]);
    expect(parses.take({ ...accepted })).toEqual({ output: withDefault.parse(accepted) });
    expect(parses.take({ ...refused })).toBeUndefined();
  });

  it('records nothing for a config holding a PythonFloat, and nothing outside a recording', () => {
    const parses = new AcceptedParses();
    const float = { ...raw, level: new PythonFloat(1) };
    const loose = z.strictObject({ name: z.string(), count: z.number(), level: z.union([z.number(), z.instanceof(PythonFloat)]) });
    expect(recordingAcceptedParses(parses, () => schemaAccepts(loose, float))).toBe(true);
    expect(parses.take(float)).toBeUndefined();
    expect(schemaAccepts(withDefault, raw)).toBe(true);
    expect(parses.take(raw)).toBeUndefined();
  });
});
