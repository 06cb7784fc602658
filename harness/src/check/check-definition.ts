import type { SageMakerStepType } from '@stepscore/step-builder';
import type { CheckContext } from '../context/check-context.js';

export type Level = 1 | 2 | 3 | 4;

export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  1: 'Interface',
  2: 'Specification',
  3: 'Step Creation',
  4: 'Integration',
};

export type CheckOutcome =
  | { readonly status: 'pass'; readonly details?: string }
  | { readonly status: 'fail'; readonly message: string; readonly evidence?: unknown }
  | { readonly status: 'not_applicable'; readonly reason: string }
  | { readonly status: 'error'; readonly message: string };

export type CheckStatus = CheckOutcome['status'];

/**
 * How bad a failure is. blocker: SageMaker would reject what the builder emits, data would reach the wrong place, or
 * the builder cannot make its step; major: the step runs, but not as configured or not reproducibly; minor: conventions.
 */
export const SEVERITIES = ['blocker', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A check is declared once: its level comes from here, never from its name. */
export interface CheckDefinition {
  /** Stable id, `level<N>.<snake_case_name>`. */
  readonly id: string;
  readonly level: Level;
  readonly title: string;
  readonly severity: Severity;
  /** Weight inside its level; 1.0 unless the check matters more. */
  readonly importance?: number;
  /** The SageMaker step types it applies to; for other builders it is not applicable. */
  readonly appliesTo: readonly SageMakerStepType[] | 'all';
  run(context: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

export function defineCheck(check: CheckDefinition): CheckDefinition {
  if (!/^level[1-4]\.[a-z0-9_]+$/.test(check.id) || check.id[5] !== String(check.level)) {
    throw new Error(`Check id '${check.id}' must be 'level${check.level}.<snake_case_name>'`);
  }
  if (!(SEVERITIES as readonly string[]).includes(check.severity)) {
    throw new Error(`Check '${check.id}' has severity '${String(check.severity)}'; it must be one of ${SEVERITIES.join(', ')}`);
  }
  return check;
}

export const pass = (details?: string): CheckOutcome => (details ? { status: 'pass', details } : { status: 'pass' });
export const fail = (message: string, evidence?: unknown): CheckOutcome =>
  evidence === undefined ? { status: 'fail', message } : { status: 'fail', message, evidence };
export const notApplicable = (reason: string): CheckOutcome => ({ status: 'not_applicable', reason });

/** Collects problems; passes when there are none, otherwise fails with all of them. */
export function outcomeFromProblems(problems: readonly string[], passDetails?: string, evidence?: unknown): CheckOutcome {
  if (problems.length === 0) return pass(passDetails);
  return fail(problems.join('; '), evidence ?? (problems.length > 1 ? { problems } : undefined));
}
