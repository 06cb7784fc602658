// The config a user writes who trusts the builder's defaults: the default config without every field the schema
// fills in itself. A builder whose own defaults are wrong (an empty framework version, an instance type SageMaker
// does not know) builds fine from a default config that spells every setting out, and fails only here.

import type { z } from 'zod';
import { type ConfigField, schemaAccepts, withoutField } from './config-fields.js';

type Raw = Readonly<Record<string, unknown>>;

/** The default config less every defaulted field the schema still accepts it without; undefined when none can go. */
export function minimalConfig(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): Record<string, unknown> | undefined {
  const defaulted = fields.filter((f) => f.default !== undefined && f.name in raw);
  if (defaulted.length === 0) return undefined;
  const withoutAll = defaulted.reduce<Record<string, unknown>>((config, f) => withoutField(config, f.name), { ...raw });
  if (schemaAccepts(schema, withoutAll)) return withoutAll;
  // A rule across fields needs some of them spelt out: leave out only those it does without.
  let minimal: Record<string, unknown> = { ...raw };
  for (const f of defaulted) {
    const next = withoutField(minimal, f.name);
    if (schemaAccepts(schema, next)) minimal = next;
  }
  return Object.keys(minimal).length < Object.keys(raw).length ? minimal : undefined;
}
