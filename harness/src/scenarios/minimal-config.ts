// The configs a user writes who trusts the builder's defaults and leaves optional settings out: the default config
// without every field the schema fills in itself, and without every optional setting the schema lets go. A builder
// whose own defaults are wrong (an empty framework version, an instance type SageMaker does not know) builds fine
// from a default config that spells every setting out, and fails only here.

import type { z } from 'zod';
import { type ConfigField, schemaAccepts, withoutField } from './config-fields.js';

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
