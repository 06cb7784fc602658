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

/** The default config less one optional setting (no default), and whether the schema accepts it so. */
export interface SettingLeftOut {
  readonly field: string;
  readonly config: Record<string, unknown>;
  readonly accepted: boolean;
}

/**
 * The default config less each optional setting without a default, one at a time, judged once: the scenarios that
 * leave settings out and the probes of settings a config cannot go without all start from these.
 */
export function optionalSettingsLeftOutAlone(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): SettingLeftOut[] {
  return fields
    .filter((f) => !f.required && f.default === undefined && f.name in raw)
    .map((f) => {
      const config = withoutField(raw, f.name);
      return { field: f.name, config, accepted: schemaAccepts(schema, config) };
    });
}

/**
 * The default config less every optional setting without a default that the schema still accepts it without (one at
 * a time, keeping those a rule across fields needs); undefined when none can go. What the schema accepts, the
 * builder must build.
 */
export function withoutOptionalSettings(schema: z.ZodType, alone: readonly SettingLeftOut[]): Record<string, unknown> | undefined {
  let config: Record<string, unknown> | undefined;
  for (const one of alone) {
    // Until one goes, the config is the default less this one: judged already.
    if (config === undefined) {
      if (one.accepted) config = one.config;
      continue;
    }
    const next = withoutField(config, one.field);
    if (schemaAccepts(schema, next)) config = next;
  }
  return config;
}

/**
 * The default config less one optional setting (no default) at a time, for each the schema lets go alone — only when
 * more than one can go, since `optional-left-out` (all of them at once) is that config when one can. Settings that
 * work together (a script and the bundle holding it) are each refused alone by a schema that knows it; one that lost
 * the rule lets each go, and the builder must then build a step without it.
 */
export function eachOptionalSettingLeftOut(alone: readonly SettingLeftOut[]): { field: string; config: Record<string, unknown> }[] {
  const accepted = alone.filter((one) => one.accepted).map(({ field, config }) => ({ field, config }));
  return accepted.length > 1 ? accepted : [];
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
export function requiredHereProbes(alone: readonly SettingLeftOut[]): InvalidConfigProbe[] {
  return alone
    .filter((one) => !one.accepted)
    .map((one) => ({
      field: one.field,
      description: `'${one.field}' left out (optional in the schema, but this config cannot go without it)`,
      rawConfig: one.config,
    }));
}
