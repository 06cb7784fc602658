import type { Level } from '../check/check-definition.js';
import type { Rating } from '../scoring/rating.js';

/** What a project's `stepscore.config.{ts,mts,js,mjs}` exports (default export, or `export const config`). */
export interface StepscoreConfig {
  /**
   * The module that exports the builders, relative to the config file (or absolute): a BuilderRegistry, an
   * array of registrations (`defineBuilder(...)`), or either as the default export.
   */
  readonly builders: string;
  /** The export to take from `builders`; when absent, a BuilderRegistry or array among its exports. */
  readonly buildersExport?: string;
  /** The levels that run when the command line names none (all four by default). */
  readonly levels?: readonly Level[];
  /** The bars `score` and `merge` hold every builder to when the command line gives none. */
  readonly thresholds?: { readonly minScore?: number; readonly minRating?: Rating };
  /** Modules exporting the team's own checks (`defineCheck(...)`): an array as the default export or as `checks`. */
  readonly checks?: readonly string[];
  /**
   * Modules exporting more upstream steps for the Integration level's catalogue, added to the built-in one:
   * `{ producers?: ProducerEntry[], consumers?: ConsumerEntry[] }` as the default export or as `upstream`.
   */
  readonly upstream?: readonly string[];
  /** The Integration backend when the command line names none. */
  readonly backend?: 'mock' | 'moto';
}

/** Types a stepscore.config.ts; returns it unchanged. */
export function defineConfig(config: StepscoreConfig): StepscoreConfig {
  return config;
}

/** The file names looked for, in this order, in the working directory and then each folder above it. */
export const CONFIG_FILE_NAMES = ['stepscore.config.ts', 'stepscore.config.mts', 'stepscore.config.js', 'stepscore.config.mjs'] as const;
