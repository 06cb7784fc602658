// Probes of a training config's hyperparameters from the algorithm's documentation, not from the builder's schema:
// a rule the schema lost or turned around (an enum value emptied, `min(0)` become `max(0)`) agrees with itself, so
// probes read from that schema cannot see it; values the documentation allows and rules out can.

import { type DocumentedAlgorithm, valuesInside, valuesOutside } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import type { z } from 'zod';
import { configJsonSchema, withField } from './config-fields.js';
import type { ChangedSetting, InvalidConfigProbe } from './scenario.js';

type Raw = Readonly<Record<string, unknown>>;

/** The config field that holds a training job's hyperparameters, as every SageMaker estimator names it. */
const HYPERPARAMETERS = 'hyperparameters';

/** The hyperparameter names the config schema spells out (a map of free keys spells out none). */
function declaredHyperparameters(schema: z.ZodType): ReadonlySet<string> {
  return new Set(Object.keys(configJsonSchema(schema).properties?.[HYPERPARAMETERS]?.properties ?? {}));
}

/**
 * Scenario k sets each documented hyperparameter the schema spells out to its k-th value inside the documented range
 * (every enum value in turn, one number each): the schema must accept them, and the builder build them.
 */
export function documentedValueScenarios(schema: z.ZodType, raw: Raw, algorithm: DocumentedAlgorithm): ChangedSetting[][] {
  const current = raw[HYPERPARAMETERS];
  if (!isPlainRecord(current)) return [];
  const declared = declaredHyperparameters(schema);
  const inside = algorithm.hyperparameters.filter((h) => declared.has(h.name)).map((h) => ({ name: h.name, values: valuesInside(h) }));
  const count = Math.max(0, ...inside.map((h) => h.values.length));
  const scenarios: ChangedSetting[][] = [];
  for (let k = 0; k < count; k++) {
    const value: Record<string, unknown> = { ...current };
    for (const h of inside) if (k < h.values.length) value[h.name] = h.values[k];
    scenarios.push([{ field: HYPERPARAMETERS, value, purpose: 'boundary' }]);
  }
  return scenarios;
}

/** One config per documented hyperparameter and value the documentation rules out; the schema must refuse each. */
export function documentedValueProbes(raw: Raw, algorithm: DocumentedAlgorithm): InvalidConfigProbe[] {
  const current = raw[HYPERPARAMETERS];
  if (!isPlainRecord(current)) return [];
  return algorithm.hyperparameters.flatMap((h) =>
    valuesOutside(h).map(({ value, why }) => ({
      field: `${HYPERPARAMETERS}.${h.name}`,
      description: `${HYPERPARAMETERS}.${h.name} = ${JSON.stringify(value)} (${why}: ${algorithm.algorithm} documents "${h.documented}", ${algorithm.source})`,
      rawConfig: withField(raw, HYPERPARAMETERS, { ...current, [h.name]: value }),
    })),
  );
}
