import type { CheckStatus, Level, Severity } from './check-definition.js';

/** What a check needed and could not get: one failure that explains many checks. */
export interface RootCause {
  /** What could not be made, in the order a run needs them. */
  readonly kind: 'specification' | 'config' | 'builder_construction' | 'step_creation' | 'pipeline_assembly';
  readonly message: string;
}

/** One check's result as plain data: what every later stage (scoring, reports) reads. */
export interface CheckResult {
  readonly id: string;
  readonly level: Level;
  readonly title: string;
  readonly severity: Severity;
  readonly importance: number;
  readonly status: CheckStatus;
  /** Why it failed or errored, or why it does not apply. */
  readonly message?: string;
  readonly evidence?: unknown;
  readonly rootCause?: RootCause;
  /**
   * Which Integration backend served the check, when it used one: `mock`, `moto`, or `moto (served by mock:
   * moto lacks CreateTransformJob)` when moto handed some operations to the in-process mock.
   */
  readonly servedBy?: string;
  readonly durationMs: number;
}

export interface BuilderResult {
  readonly builder: string;
  readonly stepType: string;
  readonly framework: string;
  readonly backend: string;
  readonly checks: readonly CheckResult[];
}
