import { adapterFor, type StepTypeAdapter } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import type { CheckContext } from '../../context/check-context.js';
import type { z } from 'zod';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { configFields } from '../../scenarios/config-fields.js';

/** Every scenario's problems, each prefixed with the scenario it was found in. */
export function problemsPerScenario(scenarios: readonly CreatedScenario[], judge: (scenario: CreatedScenario) => readonly string[]): string[] {
  return scenarios.flatMap((scenario) => judge(scenario).map((problem) => `[${scenario.plan.name}] ${problem}`));
}

/** The adapter of the builder's registered step type. */
export function adapterOf(ctx: CheckContext): StepTypeAdapter {
  const adapter = adapterFor(ctx.registration.stepType);
  if (!adapter) throw new Error(`No step-type adapter for '${ctx.registration.stepType}'`);
  return adapter;
}

export interface FoundString {
  readonly path: string;
  readonly value: string;
}

/** Every literal string in a value, at any depth (inside `Std:Join` values too), with its path. */
export function stringsIn(value: unknown, path = ''): FoundString[] {
  const found: FoundString[] = [];
  collectLeaves(value, path, (v): v is string => typeof v === 'string', found);
  return found;
}

/** Every literal string and number in a value, at any depth, with its path, in the order they stand. */
export function literalsIn(value: unknown, path = ''): { path: string; value: string | number }[] {
  const found: { path: string; value: string | number }[] = [];
  collectLeaves(value, path, (v): v is string | number => typeof v === 'string' || typeof v === 'number', found);
  return found;
}

// One list filled in place: a request has hundreds of leaves, and a list per node made most of the time.
// Indexes and keys rather than entries: a [key, value] pair per member was a tenth of what a builder's checks allocate.
function collectLeaves<T>(value: unknown, path: string, isLeaf: (v: unknown) => v is T, found: { path: string; value: T }[]): void {
  if (isLeaf(value)) found.push({ path, value });
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collectLeaves(value[i], `${path}[${i}]`, isLeaf, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) collectLeaves(record[key], path === '' ? key : `${path}.${key}`, isLeaf, found);
  }
}

/**
 * Every value `isLeaf` takes in a value, at any depth, in the order they stand, added to `found`: for callers that read
 * the values alone (a path per leaf, made and dropped, was much of what a request's walk cost).
 */
export function leafValuesIn<T>(value: unknown, isLeaf: (v: unknown) => v is T, found: T[] = []): T[] {
  if (isLeaf(value)) found.push(value);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) leafValuesIn(value[i], isLeaf, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) leafValuesIn(record[key], isLeaf, found);
  }
  return found;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number';
const isS3Location = (v: unknown): v is string => typeof v === 'string' && v.startsWith('s3://');

/** Every object key in a value, at any depth. */
export function keysIn(value: unknown): string[] {
  const keys: string[] = [];
  const walk = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(walk);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) {
        keys.push(key);
        walk(inner);
      }
    }
  };
  walk(value);
  return keys;
}

const STARTS_AS_JSON_STRING = /^[ \t\n\r]*"/;

/** The literal string a value is, decoding a json.dumps'ed string once; undefined for expressions and non-strings. */
export function literalText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Only JSON text that starts with a quote (after JSON's whitespace) decodes to a string: most values are not
  // JSON at all, and a thrown SyntaxError per value is what made this slow.
  if (!STARTS_AS_JSON_STRING.test(value)) return value;
  try {
    const decoded: unknown = JSON.parse(value);
    return typeof decoded === 'string' ? decoded : value;
  } catch {
    return value;
  }
}

const configuredByScenario = new WeakMap<CreatedScenario, readonly string[]>();

/**
 * The s3:// locations the user set in the scenario config's own fields (the top-level fields of `schema`, the
 * builder's config schema), at any depth: where something goes there is their choice. The fields the platform derives
 * (the pipeline's S3 prefix) are left out, since a file the builder writes below them is the builder's to upload, not
 * the user's. Found once per scenario.
 */
export function configuredS3Locations(scenario: CreatedScenario, schema: z.ZodType): readonly string[] {
  let locations = configuredByScenario.get(scenario);
  if (locations === undefined) {
    const config = scenario.config as unknown as Record<string, unknown>;
    const found: string[] = [];
    for (const field of configFields(schema)) leafValuesIn(config[field.name], isS3Location, found);
    configuredByScenario.set(scenario, (locations = found));
  }
  return locations;
}

/** Whether an s3:// location has an empty part after its scheme (`s3://bucket//key`, `s3://bucket/a//b`): no reader looks there. */
export function hasEmptyS3Segment(location: string): boolean {
  return location.startsWith('s3://') && location.slice('s3://'.length).includes('//');
}

/** Whether an S3 location is a prefix's own location or an object below it (trailing slashes aside). */
export function isAtOrBelow(location: string, prefix: string): boolean {
  const at = location.replace(/\/+$/, '');
  const base = prefix.replace(/\/+$/, '');
  return at === base || at.startsWith(`${base}/`);
}

/**
 * Whether a training request runs the image's own program rather than a user script: no ContainerEntrypoint, and no
 * `sagemaker_program` hyperparameter, which is how the SageMaker training toolkit of every framework container is
 * told the script to run (without it, a dual-mode image such as XGBoost's runs its built-in algorithm).
 */
export function runsBuiltInAlgorithm(args: Readonly<Record<string, unknown>>): boolean {
  const algorithm = args['AlgorithmSpecification'];
  const hyperparameters = args['HyperParameters'];
  const entrypoint = isPlainRecord(algorithm) ? algorithm['ContainerEntrypoint'] : undefined;
  const program = isPlainRecord(hyperparameters) ? hyperparameters['sagemaker_program'] : undefined;
  return 'AlgorithmSpecification' in args && entrypoint === undefined && program === undefined;
}
