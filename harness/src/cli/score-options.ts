import { DEFAULT_CHECK_TIMEOUT_MS } from '../runner/run-check.js';
import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { Level } from '../check/check-definition.js';
import { type Rating, RATINGS, parseRating } from '../scoring/rating.js';
import { LEVELS } from '../scoring/score-builder.js';
import { namesInShard, parseShard, type Shard, ShardSyntaxError } from '../sharding/shard.js';
import { CliError, EXIT_USAGE } from './cli-io.js';

// Option values, checked: a bad one is a CliError with exit code 2 that says what is accepted.

export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

export function parseLevels(values: readonly string[]): Level[] {
  if (values.length === 0) return [...LEVELS];
  const levels = values
    .flatMap((v) => v.split(','))
    .map((text) => {
      const n = Number(text.trim().replace(/^l/i, ''));
      if (!LEVELS.includes(n as Level))
        throw new CliError(`--level ${text} is not a level: use 1 (Interface), 2 (Specification), 3 (Step Creation) or 4 (Integration)`, EXIT_USAGE);
      return n as Level;
    });
  return [...new Set(levels)].sort((a, b) => a - b);
}

/** The number of workers asked for; undefined when none was, and the runner decides from the work (workerCount). */
export function parseConcurrency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--concurrency ${text} is not valid: give a whole number of builders to run at once, 1 or more`, EXIT_USAGE);
  return n;
}

/** The per-check time limit in ms; a check (builder code included) that runs longer errors and its worker is replaced. */
export function parseCheckTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CHECK_TIMEOUT_MS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100) {
    throw new CliError(
      `--check-timeout ${text} is not valid: give the time limit per check in milliseconds, 100 or more (default ${DEFAULT_CHECK_TIMEOUT_MS})`,
      EXIT_USAGE,
    );
  }
  return n;
}

export function parseMinScore(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new CliError(`--min-score ${text} is not valid: give a score from 0 to 100`, EXIT_USAGE);
  return n;
}

export function parseMinRating(text: string | undefined): Rating | undefined {
  if (text === undefined) return undefined;
  const rating = parseRating(text);
  if (!rating) throw new CliError(`--min-rating ${text} is not a rating: use one of ${RATINGS.map((r) => `"${r}"`).join(', ')}`, EXIT_USAGE);
  return rating;
}

export function parseShardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  try {
    return parseShard(text);
  } catch (error) {
    if (error instanceof ShardSyntaxError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

/** The builders named (each once, registry spelling), or all; sorted by name. */
export function selectBuilders(registry: BuilderRegistry, names: readonly string[]): BuilderRegistration[] {
  if (names.length === 0) return registry.all().sort((a, b) => (a.stepName < b.stepName ? -1 : 1));
  const selected = new Map<string, BuilderRegistration>();
  for (const name of names
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean)) {
    if (!registry.has(name) && !registry.names().some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new CliError(`Unknown builder '${name}': the registered builders are ${registry.names().join(', ')} (see \`stepscore list\`)`, EXIT_USAGE);
    }
    const registration = registry.get(name);
    selected.set(registration.stepName, registration);
  }
  return [...selected.values()].sort((a, b) => (a.stepName < b.stepName ? -1 : 1));
}

export function inShard(registrations: readonly BuilderRegistration[], shard: Shard): BuilderRegistration[] {
  const names = new Set(
    namesInShard(
      registrations.map((r) => r.stepName),
      shard,
    ),
  );
  return registrations.filter((r) => names.has(r.stepName));
}
