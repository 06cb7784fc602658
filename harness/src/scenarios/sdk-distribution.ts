// A framework estimator's `distribution` probed from the SDK's table of it, not from the builder's schema: the
// strategies the SDK lets go together are built (and their hyperparameters judged against the table), those it
// refuses together must be refused. The nested-object scenarios build each strategy filled in from the schema; these
// add what only the SDK can say: which strategies combine, and each strategy with nothing but its switch.

import { isDeepStrictEqual } from 'node:util';
import { type DistributionTable, distributionMembers, sdkDistributionHyperparameters } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import type { z } from 'zod';
import { acceptsWithField, configJsonSchema, withField } from './config-fields.js';
import { objectWithMembers } from './nested-object-scenarios.js';
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
 * Whether the schema's `distribution` is a closed object (no member beyond those it declares) declaring none of the
 * SDK's strategies: a setting that accepts no strategy at all. A free-form map is not closed.
 */
export function distributionOffersNoStrategy(schema: z.ZodType, table: DistributionTable): boolean {
  const node = configJsonSchema(schema).properties?.[DISTRIBUTION];
  const object = node?.anyOf?.find((b) => b.type !== 'null') ?? node;
  if (object?.type !== 'object' || object.additionalProperties !== false) return false;
  const declared = Object.keys(object.properties ?? {});
  return !distributionMembers(table).some((m) => declared.includes(m.member));
}

/** The members the schema's `distribution` declares: the strategies it offers. */
function offeredMembers(schema: z.ZodType): ReadonlySet<string> {
  const node = configJsonSchema(schema).properties?.[DISTRIBUTION];
  const object = node === undefined ? undefined : objectWithMembers(node);
  return new Set(Object.keys(object?.properties ?? {}));
}

/**
 * For a schema with the SDK's `distribution`: every pair of strategies the SDK refuses together is an invalid probe
 * (both on, and the second switched off: the SDK refuses them given, on or not). Every pair it takes is a scenario
 * when the schema accepts it, and always when the SDK documents the two together and the schema offers both (a
 * refusal is then the schema's to answer for); so is each strategy the schema offers, with only its switch on,
 * unless a scenario `built` already gives it so; and the offered strategies the SDK takes together, all switched off.
 * A schema may offer fewer strategies or pairs than the SDK takes.
 */
export function sdkDistributionPlans(schema: z.ZodType, raw: Raw, table: DistributionTable, built: readonly unknown[]): SdkDistributionPlans {
  const offered = offeredMembers(schema);
  const members = distributionMembers(table).filter((m) => offered.has(m.member));
  const scenarios: SdkDistributionScenario[] = [];
  const probes: InvalidConfigProbe[] = [];
  const given = [...built];
  const build = (name: string, value: Raw, description: string) => {
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
        continue;
      }
      const documented = table.documentedTogether.find((d) => d.members.includes(a.member) && d.members.includes(b.member));
      if (documented || acceptsWithField(schema, raw, DISTRIBUTION, pair)) {
        const why = documented ? `documented together: ${documented.source}` : `as ${table.estimator} takes them`;
        build(`sdk-distribution-${a.member}-${b.member}`, pair, `${a.member} and ${b.member} together, ${why}`);
      }
    }
  }
  for (const { member, enabled } of members) {
    if (given.some((d) => isPlainRecord(d) && isDeepStrictEqual(d[member], enabled))) continue;
    build(`sdk-distribution-${member}`, { [member]: enabled }, `${member} with nothing but its switch on, as ${table.estimator} takes it`);
  }
  // Given but switched off, a strategy still sets its switch (`false`) and some options: one scenario holds as many
  // offered strategies, switched off, as the SDK takes together.
  const off: Record<string, unknown> = {};
  for (const { member, enabled } of members) {
    const candidate = { ...off, [member]: switchedOff(enabled) };
    if (!('refused' in sdkDistributionHyperparameters(table, candidate, undefined))) off[member] = candidate[member];
  }
  if (Object.keys(off).length > 0 && acceptsWithField(schema, raw, DISTRIBUTION, off)) {
    build('sdk-distribution-switched-off', off, `${Object.keys(off).join(', ')} given, each switched off, as ${table.estimator} takes them`);
  }
  return { scenarios, probes };
}
