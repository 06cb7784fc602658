// A framework estimator's `distribution` probed from the SDK's table of it, not from the builder's schema: the
// strategies the SDK lets go together are built (and their hyperparameters judged against the table), those it
// refuses together must be refused. The nested-object scenarios build each strategy filled in from the schema; these
// add what only the SDK can say: which strategies combine, and each strategy with nothing but its switch.

import { isDeepStrictEqual } from 'node:util';
import { type DistributionTable, distributionMembers, sdkDistributionHyperparameters } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import type { z } from 'zod';
import { configJsonSchema, schemaAccepts, withField } from './config-fields.js';
import type { ChangedSetting, InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/** The SDK framework estimators' own name for the argument (`PyTorch(distribution=...)`). */
export const DISTRIBUTION = 'distribution';

/** Whether the config schema has the SDK's `distribution` setting. */
export function hasDistributionSetting(schema: z.ZodType): boolean {
  return configJsonSchema(schema).properties?.[DISTRIBUTION] !== undefined;
}

export interface SdkDistributionScenario {
  readonly name: string;
  readonly description: string;
  readonly change: ChangedSetting;
}

export interface SdkDistributionPlans {
  readonly scenarios: readonly SdkDistributionScenario[];
  readonly probes: readonly InvalidConfigProbe[];
}

/** The same value with every `enabled: true` turned off. */
function switchedOff(value: unknown): unknown {
  if (!isPlainRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'enabled' ? false : switchedOff(v)]));
}

/**
 * For a schema with the SDK's `distribution`: every pair of strategies the SDK refuses together is an invalid probe
 * (both on, and the second switched off: the SDK refuses them given, on or not); every pair it takes that the schema
 * accepts is a scenario; so is each strategy with only its switch on, unless a scenario `built` already gives it so.
 */
export function sdkDistributionPlans(schema: z.ZodType, raw: Raw, table: DistributionTable, built: readonly unknown[]): SdkDistributionPlans {
  const members = distributionMembers(table);
  const scenarios: SdkDistributionScenario[] = [];
  const probes: InvalidConfigProbe[] = [];
  const given = [...built];
  const tryBuilding = (name: string, value: Raw, description: string) => {
    if (!schemaAccepts(schema, withField(raw, DISTRIBUTION, value))) return;
    scenarios.push({ name, description, change: { field: DISTRIBUTION, value, purpose: 'override' } });
    given.push(value);
  };
  for (const [i, a] of members.entries()) {
    for (const b of members.slice(i + 1)) {
      const pair = { [a.member]: a.enabled, [b.member]: b.enabled };
      const outcome = sdkDistributionHyperparameters(table, pair, undefined);
      if ('refused' in outcome) {
        for (const value of [pair, { ...pair, [b.member]: switchedOff(b.enabled) }]) {
          probes.push({
            field: DISTRIBUTION,
            description: `${DISTRIBUTION} = ${JSON.stringify(value)} (${outcome.refused}, ${table.sdk})`,
            rawConfig: withField(raw, DISTRIBUTION, value),
          });
        }
      } else {
        tryBuilding(`sdk-distribution-${a.member}-${b.member}`, pair, `${a.member} and ${b.member} together, as ${table.estimator} takes them`);
      }
    }
  }
  for (const { member, enabled } of members) {
    if (given.some((d) => isPlainRecord(d) && isDeepStrictEqual(d[member], enabled))) continue;
    tryBuilding(`sdk-distribution-${member}`, { [member]: enabled }, `${member} with nothing but its switch on`);
  }
  return { scenarios, probes };
}
