// Settings with a fixed set of values (a job type, an input mode, a split type) are built at their default value
// only, unless a scenario sets the others: a builder whose branch for another value is broken (a spec per job type,
// a mode it mishandles) would pass every other scenario.

import type { z } from 'zod';
import { type ConfigField, fieldAccepts, schemaAccepts } from './config-fields.js';
import type { ChangedSetting } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/** How many enum scenarios a builder gets at most: each sets every enum setting to its next other value. */
const MAX_ENUM_SCENARIOS = 3;

/**
 * Scenario k sets every enum setting to the k-th of its other values the schema accepts (in the schema's order),
 * alone if the schema refuses them together; settings with fewer values keep theirs.
 */
export function enumValueScenarios(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[][] {
  const others = fields
    .filter((f) => f.enum !== undefined && f.enum.length > 1)
    .map((f) => {
      const current = raw[f.name] ?? f.default;
      const values = f.enum!.filter((v) => v !== current && fieldAccepts(schema, raw, f.name, v) && schemaAccepts(schema, { ...raw, [f.name]: v }));
      return { field: f.name, values };
    })
    .filter((o) => o.values.length > 0);
  const count = Math.min(MAX_ENUM_SCENARIOS, Math.max(0, ...others.map((o) => o.values.length)));
  const scenarios: ChangedSetting[][] = [];
  for (let k = 0; k < count; k++) {
    const changes = others.flatMap((o): ChangedSetting[] => (k < o.values.length ? [{ field: o.field, value: o.values[k], purpose: 'enum' }] : []));
    if (schemaAccepts(schema, Object.assign({ ...raw }, ...changes.map((c) => ({ [c.field]: c.value }))))) scenarios.push(changes);
    else scenarios.push(...changes.map((c) => [c]));
  }
  return scenarios;
}
