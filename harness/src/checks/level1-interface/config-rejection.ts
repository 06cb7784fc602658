import { ConfigValidationError, parseBuilderConfig } from '@stepscore/step-builder';
import type { CheckContext } from '../../context/check-context.js';
import { errorMessage } from '../../context/prerequisite-error.js';

/** One invalid config to try: which field is bad, and how. */
export interface BadConfigCase {
  /** Dotted path of the field the error must name, e.g. `hyperparameters.label_name`. */
  readonly field: string;
  /** In words, e.g. `training_instance_count = 0`. */
  readonly description: string;
  /** Changes a deep copy of the raw config into the bad one. */
  readonly mutate: (config: Record<string, unknown>) => void;
}

/** A deep copy of the config under test, as raw data. */
export function rawConfigCopy(ctx: CheckContext): Record<string, unknown> {
  return structuredClone(ctx.rawConfig) as Record<string, unknown>;
}

/** The nested object at a path of a raw config; undefined when there is none. */
export function objectAt(config: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = config;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/**
 * Parses the bad config with the builder's schema. No problem when it is refused with a
 * ConfigValidationError whose issues name the field; otherwise a sentence saying what went wrong.
 */
export function rejectionProblem(ctx: CheckContext, bad: BadConfigCase): string | undefined {
  const config = rawConfigCopy(ctx);
  bad.mutate(config);
  try {
    parseBuilderConfig(ctx.registration, config);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) {
      return `With ${bad.description}, the config schema threw ${error instanceof Error ? error.name : typeof error} ("${errorMessage(error)}") instead of a ConfigValidationError naming '${bad.field}'`;
    }
    if (error.issues.some((issue) => issue.field === bad.field)) return undefined;
    const named = error.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    return `With ${bad.description}, the config was rejected but no issue names '${bad.field}' (issues: ${named})`;
  }
  return `The config schema accepted ${bad.description}, so '${bad.field}' is not checked`;
}
