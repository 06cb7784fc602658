// Scenarios come from the builder's own config schema and spec, never from a list of known builders: the longest
// names the schema accepts, another region, an instance type of each family, boundary numbers, each optional
// setting overridden, and one invalid config per schema rule.

import { distributionTableFor, documentedAlgorithmFor } from '@stepscore/sagemaker';
import { type AnyBuilderRegistration, NAME_FIELDS, pipelineExpressionFields, REGION_CODES } from '@stepscore/step-builder';
import type { StepSpecification } from '@stepscore/step-model';
import type { z } from 'zod';
import { AcceptedParses, keepParseFor } from './accepted-parses.js';
import {
  acceptsWithField,
  type ConfigField,
  configFields,
  fieldAccepts,
  recordingAcceptedParses,
  refusedFields,
  schemaAccepts,
  withField,
  withoutField,
} from './config-fields.js';
import { instanceTypesFor, processorOf } from './instance-types.js';
import { documentedValueProbes, documentedValueScenarios } from './documented-hyperparameters.js';
import { applyChanges, enumValueScenarios, type RefusedEnumValue } from './enum-scenarios.js';
import { malformedS3Probes } from './malformed-s3-probes.js';
import {
  defaultsSpelledOut,
  eachOptionalSettingLeftOut,
  minimalConfig,
  optionalSettingsLeftOutAlone,
  requiredHereProbes,
  withoutOptionalSettings,
} from './minimal-config.js';
import { mockInputsFor } from './mock-inputs.js';
import { nestedObjectScenarios } from './nested-object-scenarios.js';
import { DISTRIBUTION, hasDistributionSetting, sdkDistributionPlans } from './sdk-distribution.js';
import { holdsS3Location, ISO_8601_DURATION } from './value-formats.js';
import type { ChangedSetting, InvalidConfigProbe, ScenarioPlan } from './scenario.js';

const INSTANCE_TYPE = /^ml\.[a-z0-9-]+\.[a-z0-9]+$/;
const MIME_TYPE = /^[a-z]+\/[-\w.+]+$/;
const PYTHON_FILE = /^[^/\s]+\.py$/;
/** The longest value tried for a name field: a pipeline name may be 256 characters, and nothing SageMaker names is longer. */
const LONGEST_NAME = 256;
/** Numbers tried as the largest a schema accepts, largest first: 2^31-1, a billion, and SageMaker's runtime limits + 1. */
const LARGE_NUMBERS = [2_147_483_647, 1_000_000_000, 2_419_201, 1_000_000, 604_801, 100_000, 10_000, 1_000, 100];
const PROBE_BUCKET = 'stepscore-probe-bucket';
const PROBE_ENV = { STEPSCORE_PROBE_VARIABLE: 'stepscore-probe-value' } as const;

export interface DerivedScenarios {
  readonly valid: readonly ScenarioPlan[];
  readonly invalid: readonly InvalidConfigProbe[];
  /** Values enum settings declare that the schema refuses in every config tried (see enumValueScenarios). */
  readonly refusedEnumValues: readonly RefusedEnumValue[];
}

type Raw = Readonly<Record<string, unknown>>;

function isInstanceTypeField(field: ConfigField, raw: Raw): boolean {
  const value = raw[field.name] ?? field.default;
  return field.type === 'string' && typeof value === 'string' && INSTANCE_TYPE.test(value);
}

/** The longest string of `unit` repeated, up to LONGEST_NAME, that the schema accepts in `field`; undefined when none is. */
function longestAccepted(schema: z.ZodType, raw: Raw, field: string): string | undefined {
  const accepts = (value: string) => fieldAccepts(schema, raw, field, value);
  for (const unit of ['a', 'A', '1', 'a1']) {
    const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    if (!accepts(make(3))) continue;
    if (accepts(make(LONGEST_NAME))) return make(LONGEST_NAME);
    let low = 3;
    let high = LONGEST_NAME;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (accepts(make(mid))) low = mid;
      else high = mid;
    }
    return make(low);
  }
  return undefined;
}

/**
 * Changes the schema accepts together. Usually it takes them all at once: one parse. When it refuses, the changes
 * whose fields its issues name are dropped and the rest tried again; only when an issue names no changed field
 * (a rule over the whole config, or over a field left as it was) is each change tried in turn with those kept
 * before it.
 */
function acceptedTogether(schema: z.ZodType, raw: Raw, changes: readonly ChangedSetting[]): ChangedSetting[] {
  let kept = [...changes];
  while (kept.length > 0) {
    const refusal = refusedFields(schema, applyChanges(raw, kept));
    if (refusal === undefined) return kept;
    const rest = kept.filter((change) => !refusal.fields.has(change.field));
    if (refusal.unattributed || rest.length === kept.length) return eachInTurn(schema, raw, kept);
    kept = rest;
  }
  return kept;
}

function eachInTurn(schema: z.ZodType, raw: Raw, changes: readonly ChangedSetting[]): ChangedSetting[] {
  const kept: ChangedSetting[] = [];
  for (const change of changes) if (schemaAccepts(schema, applyChanges(raw, [...kept, change]))) kept.push(change);
  return kept;
}

function plan(name: string, description: string, raw: Raw, inputs: ScenarioPlan['inputs'], changed: readonly ChangedSetting[]): ScenarioPlan {
  return { name, description, rawConfig: applyChanges(raw, changed), inputs, changed };
}

function nameScenario(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  const names = fields.filter((f) => f.type === 'string' && NAME_FIELDS.includes(f.name));
  const changes = names.flatMap((f): ChangedSetting[] => {
    const value = longestAccepted(schema, raw, f.name);
    return value === undefined ? [] : [{ field: f.name, value, purpose: 'name' }];
  });
  return acceptedTogether(schema, raw, changes);
}

function regionScenario(schema: z.ZodType, raw: Raw): ChangedSetting[] {
  const other = REGION_CODES.find((code) => code !== raw['region'] && fieldAccepts(schema, raw, 'region', code));
  return other === undefined ? [] : [{ field: 'region', value: other, purpose: 'region' }];
}

function instanceScenario(
  schema: z.ZodType,
  raw: Raw,
  fields: readonly ConfigField[],
  candidates: readonly string[],
  processor: 'cpu' | 'gpu',
): ChangedSetting[] {
  const changes = fields
    .filter((f) => isInstanceTypeField(f, raw))
    .flatMap((f): ChangedSetting[] => {
      const type = candidates.find((t) => processorOf(t) === processor && acceptsWithField(schema, raw, f.name, t));
      return type === undefined ? [] : [{ field: f.name, value: type, purpose: 'instance' }];
    });
  // Each change was accepted on its own above: one is all there is to accept.
  return changes.length === 1 ? changes : acceptedTogether(schema, raw, changes);
}

function largestNumbers(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  const changes = fields
    .filter((f) => f.type === 'integer' || f.type === 'number')
    .flatMap((f): ChangedSetting[] => {
      const value = LARGE_NUMBERS.find((n) => fieldAccepts(schema, raw, f.name, n));
      return value === undefined || value === raw[f.name] ? [] : [{ field: f.name, value, purpose: 'boundary' }];
    });
  return acceptedTogether(schema, raw, changes);
}

/**
 * Every number at the smallest value its schema declares (its JSON Schema minimum): a count or size of 0 that the
 * schema lets through is refused by SageMaker. Fields with no declared minimum are left to the other scenarios.
 */
function smallestNumbers(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  const changes = fields
    .filter((f) => (f.type === 'integer' || f.type === 'number') && f.minimum !== undefined && Number.isFinite(f.minimum))
    .flatMap((f): ChangedSetting[] => {
      const value = f.minimum as number;
      return value === raw[f.name] || !fieldAccepts(schema, raw, f.name, value) ? [] : [{ field: f.name, value, purpose: 'boundary' }];
    });
  return acceptedTogether(schema, raw, changes);
}

function fractionalNumbers(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  const changes = fields
    .filter((f) => f.type === 'integer' || f.type === 'number')
    .flatMap((f): ChangedSetting[] => {
      const base = typeof raw[f.name] === 'number' ? (raw[f.name] as number) : typeof f.default === 'number' ? f.default : 1;
      const value = Math.floor(base) + 1.5;
      return fieldAccepts(schema, raw, f.name, value) ? [{ field: f.name, value, purpose: 'boundary' }] : [];
    });
  return acceptedTogether(schema, raw, changes);
}

/** Well-formed S3 locations for a setting: a prefix, and objects of the kinds settings name (JSON, an archive, data). */
function s3Probes(field: ConfigField): string[] {
  const prefix = `s3://${PROBE_BUCKET}/override/${field.name}`;
  return [prefix, `${prefix}/file.json`, `${prefix}/file.tar.gz`, `${prefix}/file.csv`];
}

/**
 * An optional setting that holds an S3 location but whose own schema accepts none of the well-formed ones probed (a
 * pattern that wants a one-character bucket or key): a scenario sets it to the first probe anyway, so that the
 * refusal is reported instead of the setting being left untried.
 */
function s3SettingsRefusingEveryLocation(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  return fields
    .filter((f) => !f.required && f.type === 'string' && holdsS3Location(f, raw[f.name] ?? f.default))
    .flatMap((f): ChangedSetting[] => {
      const probes = s3Probes(f);
      return probes.some((p) => fieldAccepts(schema, raw, f.name, p)) ? [] : [{ field: f.name, value: probes[0], purpose: 'override' }];
    });
}

/**
 * Probes for a string setting in a format its value (or pattern) shows: an S3 location, a MIME type, an ISO-8601
 * duration, and a script file name when `scriptNames` (a builder without a script contract, whose script is the
 * model's and so the user's to choose; a contract fixes its entry point). Free text takes none.
 */
function stringProbes(field: ConfigField, current: unknown, scriptNames: boolean): string[] {
  const value = typeof current === 'string' ? current : '';
  if (holdsS3Location(field, current)) return s3Probes(field);
  // One probe per field, so that one setting reaching the request cannot pass for another of the same format.
  if (MIME_TYPE.test(value)) return [`application/x-stepscore-${field.name.replace(/[^a-z0-9]+/gi, '-')}`];
  if (ISO_8601_DURATION.test(value)) return ['P29D', 'PT13H'];
  if (scriptNames && PYTHON_FILE.test(value)) return [`stepscore_probe_${field.name.replace(/[^a-z0-9]+/gi, '_')}.py`];
  return [];
}

/**
 * A value for an optional setting that differs from its default and that the schema accepts; undefined when none is.
 * A number is also kept apart from the numbers `taken` (other settings' values), so that one setting reaching the
 * request cannot pass for another that did not.
 */
function overrideValue(schema: z.ZodType, raw: Raw, field: ConfigField, taken: ReadonlySet<unknown>, scriptNames: boolean): unknown {
  const current = raw[field.name] ?? field.default;
  const candidates: unknown[] = [];
  if (field.stringRecord) candidates.push(PROBE_ENV);
  else if (field.type === 'string') {
    candidates.push(...stringProbes(field, current, scriptNames));
  } else if (field.type === 'integer' || field.type === 'number') {
    const base = typeof current === 'number' ? current : (field.minimum ?? 1);
    candidates.push(base + 7, base + 1, base - 1, base + 11, base + 13);
  }
  return candidates.find((value) => value !== current && !taken.has(value) && fieldAccepts(schema, raw, field.name, value));
}

function overrides(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[], scriptNames: boolean): ChangedSetting[] {
  // Numbers already in the config, then each override's, are taken: a probe must be told apart from them.
  const taken = new Set<unknown>(fields.map((f) => raw[f.name] ?? f.default).filter((v) => typeof v === 'number'));
  const changes = fields
    .filter((f) => !f.required && f.type !== 'boolean')
    .flatMap((f): ChangedSetting[] => {
      const value = overrideValue(schema, raw, f, taken, scriptNames);
      if (value === undefined) return [];
      taken.add(value);
      return [{ field: f.name, value, purpose: 'override' }];
    });
  return acceptedTogether(schema, raw, changes);
}

function flips(schema: z.ZodType, raw: Raw, fields: readonly ConfigField[]): ChangedSetting[] {
  return fields
    .filter((f) => f.type === 'boolean' && !f.required)
    .flatMap((f): ChangedSetting[] => {
      const current = raw[f.name] ?? f.default;
      if (typeof current !== 'boolean') return [];
      const value = !current;
      return acceptsWithField(schema, raw, f.name, value) ? [{ field: f.name, value, purpose: 'flip' }] : [];
    });
}

/** `instance_type` → `InstanceType`: a pipeline parameter name SageMaker accepts. */
export function parameterNameFor(path: string): string {
  return path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Every field the schema lets be a pipeline expression, given as `{"Get": "Parameters.<Name>"}`: top-level fields,
 * and the scalar entries the config has in a map whose every value may be one (e.g. hyperparameters).
 */
function parameterScenario(schema: z.ZodType, raw: Raw): ChangedSetting[] {
  const changes: ChangedSetting[] = [];
  for (const path of expressionFieldsOf(schema)) {
    if (/^[A-Za-z0-9_]+$/.test(path)) {
      changes.push({ field: path, value: { Get: `Parameters.${parameterNameFor(path)}` }, purpose: 'parameter' });
      continue;
    }
    const map = /^([A-Za-z0-9_]+)\.\*$/.exec(path)?.[1];
    const current = map === undefined ? undefined : raw[map];
    if (map === undefined || typeof current !== 'object' || current === null || Array.isArray(current)) continue;
    const entries = Object.entries(current as Record<string, unknown>).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
    if (entries.length === 0) continue;
    const value = { ...(current as Record<string, unknown>) };
    for (const [key] of entries) value[key] = { Get: `Parameters.${parameterNameFor(`${map}_${key}`)}` };
    changes.push({ field: map, value, purpose: 'parameter' });
  }
  return acceptedTogether(schema, raw, changes);
}

// Where a schema takes pipeline expressions is a property of the schema alone, read once per schema.
const expressionFieldsBySchema = new WeakMap<z.ZodType, readonly string[]>();

function expressionFieldsOf(schema: z.ZodType): readonly string[] {
  let paths = expressionFieldsBySchema.get(schema);
  if (!paths) {
    paths = pipelineExpressionFields(schema);
    expressionFieldsBySchema.set(schema, paths);
  }
  return paths;
}

/** The pipeline parameters a scenario declares: the names its expression fields refer to. */
export function declaredParameters(changed: readonly ChangedSetting[]): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const get = (value as { Get?: unknown }).Get;
    if (typeof get === 'string' && get.startsWith('Parameters.')) names.add(get.slice('Parameters.'.length));
    for (const item of Object.values(value)) walk(item);
  };
  for (const change of changed) if (change.purpose === 'parameter') walk(change.value);
  return names;
}

/** One config per schema rule that the schema must refuse. */
export function invalidProbes(raw: Raw, fields: readonly ConfigField[]): InvalidConfigProbe[] {
  const probes: InvalidConfigProbe[] = [];
  for (const f of fields) {
    if (f.required && f.name in raw)
      probes.push({ field: f.name, description: `'${f.name}' missing (a required field)`, rawConfig: withoutField(raw, f.name) });
    if (f.enum)
      probes.push({
        field: f.name,
        description: `${f.name} = 'not-one-of-its-values' (outside its enum)`,
        rawConfig: withField(raw, f.name, 'not-one-of-its-values'),
      });
    if (f.minimum !== undefined && Number.isFinite(f.minimum)) {
      const below = f.minimum - 1;
      probes.push({ field: f.name, description: `${f.name} = ${below} (below its minimum ${f.minimum})`, rawConfig: withField(raw, f.name, below) });
    }
    if (f.type === 'integer') {
      const base = typeof raw[f.name] === 'number' ? (raw[f.name] as number) : typeof f.default === 'number' ? f.default : 1;
      probes.push({ field: f.name, description: `${f.name} = ${base + 0.5} (not a whole number)`, rawConfig: withField(raw, f.name, base + 0.5) });
    }
    if (f.type === 'string' && f.pattern !== undefined) {
      probes.push({
        field: f.name,
        description: `${f.name} = 'not a valid value!' (against its pattern ${f.pattern})`,
        rawConfig: withField(raw, f.name, 'not a valid value!'),
      });
    }
    if (
      f.type === 'string' &&
      f.pattern === undefined &&
      f.enum === undefined &&
      typeof (raw[f.name] ?? f.default) === 'string' &&
      INSTANCE_TYPE.test(String(raw[f.name] ?? f.default))
    ) {
      probes.push({
        field: f.name,
        description: `${f.name} = 'ml.nonexistent.xlarge' (not a SageMaker instance type)`,
        rawConfig: withField(raw, f.name, 'ml.nonexistent.xlarge'),
      });
    }
  }
  return probes;
}

// Scenarios are a pure function of the schema, the spec and the default config: the latest few are kept, for the same
// builder's next run (another check's test, a later run in the same worker). Only a few: a run of many builders would
// otherwise keep every builder's scenarios and their configs alive to its end, more for each garbage collection to mark.
const RECENT_KEPT = 8;
const recent: { readonly schema: object; readonly spec: object; readonly rawConfig: Raw; readonly scenarios: DerivedScenarios }[] = [];

export function deriveScenarios(registration: AnyBuilderRegistration, spec: StepSpecification, rawConfig: Raw): DerivedScenarios {
  const { configSchema: schema, spec: specInput } = registration;
  const index = recent.findIndex((kept) => kept.schema === schema && kept.spec === specInput && kept.rawConfig === rawConfig);
  const entry =
    index >= 0 ? recent.splice(index, 1)[0]! : { schema, spec: specInput, rawConfig, scenarios: deriveScenariosAnew(registration, spec, rawConfig) };
  recent.unshift(entry);
  if (recent.length > RECENT_KEPT) recent.length = RECENT_KEPT;
  return entry.scenarios;
}

function deriveScenariosAnew(registration: AnyBuilderRegistration, spec: StepSpecification, rawConfig: Raw): DerivedScenarios {
  const parses = new AcceptedParses();
  const scenarios = recordingAcceptedParses(parses, () => deriveFrom(registration, spec, rawConfig));
  // The default config (and a plan that only adds inputs) is the registration's own object, parsed by the context.
  for (const plan of scenarios.valid) {
    if (plan.rawConfig === rawConfig) continue;
    const parsed = parses.take(plan.rawConfig);
    if (parsed) keepParseFor(plan.rawConfig, parsed);
  }
  return scenarios;
}

function deriveFrom(registration: AnyBuilderRegistration, spec: StepSpecification, rawConfig: Raw): DerivedScenarios {
  const schema = registration.configSchema as z.ZodType;
  const fields = configFields(schema);
  const required = mockInputsFor(spec);
  const all = mockInputsFor(spec, true);
  const candidates = instanceTypesFor(registration.stepType);
  const valid: ScenarioPlan[] = [plan('default', 'the registered default config, every required dependency given', rawConfig, required, [])];
  const add = (name: string, description: string, changed: readonly ChangedSetting[], inputs = required) => {
    if (changed.length > 0) valid.push(plan(name, description, rawConfig, inputs, changed));
  };
  if (Object.keys(all).length > Object.keys(required).length) {
    valid.push(plan('all-dependencies', 'every optional dependency given as well', rawConfig, all, []));
  }
  const minimal = minimalConfig(rawConfig, fields);
  if (minimal) valid.push(plan('minimal', "every field the schema gives a default left out: the builder's own defaults", minimal, required, []));
  const spelledOut = defaultsSpelledOut(rawConfig, fields);
  if (spelledOut) valid.push(plan('defaults-spelled-out', 'every field the schema gives a default written out at that default', spelledOut, required, []));
  const alone = optionalSettingsLeftOutAlone(schema, rawConfig, fields);
  const lean = withoutOptionalSettings(schema, alone);
  if (lean) valid.push(plan('optional-left-out', 'every optional setting the schema lets go left out', lean, required, []));
  for (const { field, config } of eachOptionalSettingLeftOut(alone)) {
    valid.push(plan(`left-out-${field}`, `'${field}' alone left out (the schema lets it go)`, config, required, []));
  }
  add('max-names', 'every name field at the longest value the schema accepts', nameScenario(schema, rawConfig, fields));
  add('other-region', 'another region than the default', regionScenario(schema, rawConfig));
  add('cpu', 'CPU instance types the schema accepts', instanceScenario(schema, rawConfig, fields, candidates, 'cpu'));
  add('gpu', 'GPU instance types the schema accepts', instanceScenario(schema, rawConfig, fields, candidates, 'gpu'));
  add('largest-numbers', 'every number at the largest value the schema accepts', largestNumbers(schema, rawConfig, fields));
  add('smallest-numbers', 'every number at the smallest value its schema declares', smallestNumbers(schema, rawConfig, fields));
  add('fractional-numbers', 'fractional numbers the schema accepts', fractionalNumbers(schema, rawConfig, fields));
  add('overrides', 'each optional setting set to a distinct probe value', overrides(schema, rawConfig, fields, registration.contract === undefined));
  for (const change of s3SettingsRefusingEveryLocation(schema, rawConfig, fields)) {
    add(`s3-location-${change.field}`, `${change.field} set to a well-formed S3 location, though its schema refuses every one probed`, [change]);
  }
  add('parameters', 'every field that may be a pipeline expression given as {"Get": "Parameters.<X>"}', parameterScenario(schema, rawConfig));
  const enums = enumValueScenarios(schema, rawConfig, fields);
  for (const [i, changes] of enums.scenarios.entries()) {
    const set = changes.filter((c) => c.purpose === 'enum');
    const leftOut = changes.filter((c) => c.purpose === 'left-out').map((c) => c.field);
    const name = set.length <= 2 ? `enum-${set.map((c) => `${c.field}-${String(c.value)}`).join('-')}` : `enum-values-${i + 1}`;
    const without = leftOut.length > 0 ? `, without ${leftOut.join(', ')}` : '';
    add(name, `${set.map((c) => `${c.field} = '${String(c.value)}'`).join(', ')} (another of its values)${without}`, changes);
  }
  for (const nested of nestedObjectScenarios(schema, rawConfig)) {
    add(`nested-${nested.field}-${nested.member}`, `${nested.field} with its member '${nested.member}' alone, filled in from its schema`, [nested.change]);
  }
  // A framework estimator's `distribution`: the strategies the SDK combines or refuses together, from its table.
  const table = registration.stepType === 'Training' ? distributionTableFor(registration.framework) : undefined;
  const built = valid.map((p) => p.rawConfig[DISTRIBUTION]);
  const distribution = table && hasDistributionSetting(schema) ? sdkDistributionPlans(schema, rawConfig, table, built) : undefined;
  for (const s of distribution?.scenarios ?? []) add(s.name, s.description, [s.change]);
  // A training image that runs a documented algorithm: its hyperparameters are probed from the documentation.
  const algorithm = registration.stepType === 'Training' ? documentedAlgorithmFor(registration.framework) : undefined;
  const documented = algorithm ? documentedValueScenarios(schema, rawConfig, algorithm) : [];
  for (const [i, changes] of documented.entries()) {
    add(`documented-hyperparameters-${i + 1}`, `hyperparameters at values ${algorithm?.algorithm} documents as valid (set ${i + 1})`, changes);
  }
  for (const flip of flips(schema, rawConfig, fields)) add(`flip-${flip.field}`, `${flip.field} set to ${String(flip.value)}`, [flip]);
  const outside = algorithm ? documentedValueProbes(rawConfig, algorithm) : [];
  const invalid = [
    ...invalidProbes(rawConfig, fields),
    ...requiredHereProbes(alone),
    ...enums.probes,
    ...malformedS3Probes(rawConfig, fields),
    ...outside,
    ...(distribution?.probes ?? []),
  ];
  return { valid, invalid, refusedEnumValues: enums.refused };
}
