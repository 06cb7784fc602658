// The configs a user writes who trusts the builder's defaults and leaves optional settings out: the default config
// without every field the schema fills in itself, and without every optional setting the schema lets go. A builder
// whose own defaults are wrong (an empty framework version, an instance type SageMaker does not know) builds fine
// from a default config that spells every setting out, and fails only here.

import type { z } from 'zod';
import { type ConfigField, schemaAccepts, withoutField } from './config-fields.js';
import type { InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/**
 * The default config less every field the schema gives a default; undefined when it has none. Given even when the
 * schema refuses it: the schema's own defaults, with the settings it requires, must make a config it accepts.
 */
export function minimalConfig(raw: Raw, fields: readonly ConfigField[]): Record<string, unknown> | undefined {
  const defaulted = fields.filter((f) => f.default !== undefined && f.name in raw);
  if (defaulted.length === 0) return undefined;
  return defaulted.reduce<Record<string, unknown>>((config, f) => withoutField(config, f.name), { ...raw });
}

/**
 * The default config less every optional setting without a default that the schema still accepts it without (one at
 * a time, keeping those a rule across fields needs); undefined when none can go. What the schema accepts, the
 * builder must build.
 */
export function withoutOptionalSettings(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): Record<string, unknown> | undefined {
  const optional = fields.filter((f) => !f.required && f.default === undefined && f.name in raw);
  let config: Record<string, unknown> = { ...raw };
  for (const f of optional) {
    const next = withoutField(config, f.name);
    if (schemaAccepts(schema, next)) config = next;
  }
  return Object.keys(config).length < Object.keys(raw).length ? config : undefined;
}

/**
 * The default config less one optional setting (no default) at a time, for each the schema lets go alone — only when
 * more than one can go, since `optional-left-out` (all of them at once) is that config when one can. Settings that
 * work together (a script and the bundle holding it) are each refused alone by a schema that knows it; one that lost
 * the rule lets each go, and the builder must then build a step without it.
 */
export function eachOptionalSettingLeftOut(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): { field: string; config: Record<string, unknown> }[] {
  const alone = fields
    .filter((f) => !f.required && f.default === undefined && f.name in raw)
    .map((f) => ({ field: f.name, config: withoutField(raw, f.name) }))
    .filter((c) => schemaAccepts(schema, c.config));
  return alone.length > 1 ? alone : [];
}

/**
 * The default config with every field the schema gives a default written out at that default; undefined when the
 * config already spells out all of them. A user who copies a documented default into the config must get what
 * leaving it out gives: a default the field's own rules refuse (an enum that lost its values, an allow-list without
 * the default instance type) shows here.
 */
export function defaultsSpelledOut(raw: Raw, fields: readonly ConfigField[]): Record<string, unknown> | undefined {
  const implicit = fields.filter((f) => f.default !== undefined && !(f.name in raw));
  if (implicit.length === 0) return undefined;
  return Object.fromEntries([...Object.entries(raw), ...implicit.map((f) => [f.name, f.default] as const)]);
}

/**
 * For each optional setting (no default) of the default config that the schema will not let go in this config (a
 * rule across fields requires it, e.g. a mode that needs a script): the config without it, which the schema must
 * refuse with an issue naming that setting, so that the user learns what to add.
 */
export function requiredHereProbes(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): InvalidConfigProbe[] {
  return fields
    .filter((f) => !f.required && f.default === undefined && f.name in raw)
    .filter((f) => !schemaAccepts(schema, withoutField(raw, f.name)))
    .map((f) => ({
      field: f.name,
      description: `'${f.name}' left out (optional in the schema, but this config cannot go without it)`,
      rawConfig: withoutField(raw, f.name),
    }));
}
