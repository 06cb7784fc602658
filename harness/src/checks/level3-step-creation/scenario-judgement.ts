import { adapterFor, type StepTypeAdapter } from '@stepscore/sagemaker';
import type { CheckContext } from '../../context/check-context.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';

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
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/** Every literal number in a value, at any depth, with its path. */
export function numbersIn(value: unknown, path = ''): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/** Every object key in a value, at any depth. */
export function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => [key, ...keysIn(item)]);
  return [];
}

/** The literal string a value is, decoding a json.dumps'ed string once; undefined for expressions and non-strings. */
export function literalText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const decoded: unknown = JSON.parse(value);
    return typeof decoded === 'string' ? decoded : value;
  } catch {
    return value;
  }
}


/** Whether an S3 location is a prefix's own location or an object below it (trailing slashes aside). */
export function isAtOrBelow(location: string, prefix: string): boolean {
  const at = location.replace(/\/+$/, '');
  const base = prefix.replace(/\/+$/, '');
  return at === base || at.startsWith(`${base}/`);
}
