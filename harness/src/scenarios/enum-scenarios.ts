// Settings with a fixed set of values (a job type, an input mode, a split type) are built at their default value
// only, unless a scenario sets the others: a builder whose branch for another value is broken (a spec per job type,
// a mode it mishandles) would pass every other scenario.

import type { z } from 'zod';
import { type ConfigField, fieldAccepts, missingFieldsAskedFor, schemaAccepts, withField, withoutField } from './config-fields.js';
import type { ChangedSetting, InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/** How many enum scenarios a builder gets at most: each sets every enum setting to its next other value. */
const MAX_ENUM_SCENARIOS = 3;

/**
 * The optional settings (no default) of the default config that must go for the schema to accept `field` = `value`
 * (another mode often refuses the settings of the default one: a built-in algorithm takes no script); [] when it
 * accepts the value as it is, undefined when leaving every such setting out is not enough.
 */
function settingsToLeaveOut(
  schema: z.ZodType,
  raw: Raw,
  fields: readonly ConfigField[],
  field: string,
  value: unknown,
  refusedTogether?: InvalidConfigProbe[],
): string[] | undefined {
  const config = withField(raw, field, value);
  if (schemaAccepts(schema, config)) return [];
  const optional = optionalSettingsOf(raw, fields, field);
  let lean = leanConfig(raw, fields, field, value);
  if (!schemaAccepts(schema, lean)) return undefined;
  // Put back each setting the schema still accepts the value with.
  const leftOut: string[] = [];
  for (const name of optional) {
    const back = withField(lean, name, raw[name]);
    if (schemaAccepts(schema, back)) lean = back;
    else {
      leftOut.push(name);
      // The schema refuses the value with this setting: it must say which setting to remove.
      refusedTogether?.push({
        field: name,
        description: `'${name}' kept with ${field} = ${JSON.stringify(value)} (the schema refuses them together)`,
        rawConfig: back,
      });
    }
  }
  return leftOut;
}

/** The default config's optional settings without a default, other than `field`: the ones a value may need left out. */
function optionalSettingsOf(raw: Raw, fields: readonly ConfigField[], field: string): string[] {
  return fields.filter((f) => f.name !== field && !f.required && f.default === undefined && f.name in raw).map((f) => f.name);
}

/** The default config with `field` = `value` and every one of those optional settings left out. */
function leanConfig(raw: Raw, fields: readonly ConfigField[], field: string, value: unknown): Raw {
  return optionalSettingsOf(raw, fields, field).reduce((c, name) => withoutField(c, name), withField(raw, field, value));
}

/**
 * Whether the schema, refusing `field` = `value` with every optional setting left out, asks for a setting the default
 * config does not have (a value missing where one is required): a mode with a setting of its own, whose value the
 * harness cannot know, so the value is not judged unusable. A rule that refuses a setting which is not there is no
 * such request.
 */
function asksForAnotherSetting(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[], field: string, value: unknown): boolean {
  return [...missingFieldsAskedFor(schema, leanConfig(raw, fields, field, value))].some((name) => name !== field && !(name in raw));
}

/** The enum change, with the settings it needs left out. */
function enumChange(field: string, value: unknown, leftOut: readonly string[]): ChangedSetting[] {
  return [{ field, value, purpose: 'enum' }, ...leftOut.map((name): ChangedSetting => ({ field: name, value: undefined, purpose: 'left-out' }))];
}

/** A value an enum setting declares that no config the harness tries is accepted with. */
export interface RefusedEnumValue {
  readonly field: string;
  readonly value: unknown;
}

export interface EnumScenarios {
  readonly scenarios: ChangedSetting[][];
  /**
   * The declared values (other than the default config's) the schema refuses both in the default config and with
   * every optional setting left out: no config can use them, though the schema offers them.
   */
  readonly refused: readonly RefusedEnumValue[];
  /**
   * For each value that needs optional settings left out, the config with the value and one of those settings: the
   * schema refuses it, and must name that setting so that the user learns what to remove.
   */
  readonly probes: readonly InvalidConfigProbe[];
}

/**
 * Scenario k sets every enum setting to the k-th of its other values the schema accepts (in the schema's order),
 * leaving out the optional settings that value refuses; alone if the schema refuses them together; settings with
 * fewer values keep theirs.
 */
export function enumValueScenarios(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): EnumScenarios {
  const refused: RefusedEnumValue[] = [];
  const probes: InvalidConfigProbe[] = [];
  const others = fields
    .filter((f) => f.enum !== undefined && f.enum.length > 1)
    .map((f) => {
      const current = raw[f.name] ?? f.default;
      const values: { value: unknown; leftOut: string[] }[] = [];
      for (const v of f.enum!) {
        if (v === current) continue;
        const ownAccepts = fieldAccepts(schema, raw, f.name, v);
        const leftOut = ownAccepts ? settingsToLeaveOut(schema, raw, fields, f.name, v, probes) : undefined;
        if (leftOut !== undefined) values.push({ value: v, leftOut });
        else if (!ownAccepts || !asksForAnotherSetting(schema, raw, fields, f.name, v)) refused.push({ field: f.name, value: v });
      }
      return { field: f.name, values };
    })
    .filter((o) => o.values.length > 0);
  const count = Math.min(MAX_ENUM_SCENARIOS, Math.max(0, ...others.map((o) => o.values.length)));
  const scenarios: ChangedSetting[][] = [];
  for (let k = 0; k < count; k++) {
    const each = others.flatMap((o): ChangedSetting[][] => {
      const chosen = o.values[k];
      return chosen ? [enumChange(o.field, chosen.value, chosen.leftOut)] : [];
    });
    const together = each.flat();
    // One setting's value that needs nothing left out: settingsToLeaveOut saw the schema accept this very config.
    if (together.length === 1 || schemaAccepts(schema, applyChanges(raw, together))) scenarios.push(together);
    else scenarios.push(...each);
  }
  return { scenarios, refused, probes };
}

/** The config with the changes made: a setting `left-out` is removed, not set to undefined. */
export function applyChanges(raw: Raw, changes: readonly ChangedSetting[]): Record<string, unknown> {
  const config: Record<string, unknown> = { ...raw };
  for (const change of changes) {
    if (change.purpose === 'left-out') delete config[change.field];
    else config[change.field] = change.value;
  }
  return config;
}
