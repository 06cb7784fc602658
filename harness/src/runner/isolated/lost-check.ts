// The result of a check whose worker was lost (time limit or crash), and the root cause that stops the
// replacement worker from running the same builder code again.
import type { CheckDefinition } from '../../check/check-definition.js';
import type { CheckResult, RootCause } from '../../check/check-result.js';
import type { LostCheck, PendingPrerequisite, WorkerLoss } from './builder-worker.js';
import type { PrerequisiteKind } from './messages.js';

/** How much of the overrun the worker spent running code, above which it was a synchronous loop. */
const BUSY = 0.9;
const IDLE = 0.1;

/**
 * What the worker did while over time. Only facts: a slow computation and an endless loop look the same from
 * outside, and so do a slow promise and one that never settles.
 */
function activity(busy: number): string {
  if (busy >= BUSY) return 'the worker was busy running code the whole time';
  if (busy <= IDLE) return 'the worker sat idle, waiting on a promise';
  return `the worker was running code ${Math.round(busy * 100)}% of the time`;
}

/** The builder code that was running, as the subject of a sentence. */
function runningCode(builder: string, pending: PendingPrerequisite | undefined): string {
  if (!pending) return "the builder's code";
  switch (pending.kind) {
    case 'config':
      return `${builder}'s config schema`;
    case 'builder_construction':
      return `the ${builder} constructor`;
    case 'step_creation':
      return pending.phase === 'returned' ? `the promise ${builder}.createStep() returned` : `${builder}.createStep()`;
  }
}

/** "had not returned" or, for a promise, "had not settled". */
function notYet(pending: PendingPrerequisite | undefined): string {
  return pending?.phase === 'returned' ? 'had not settled' : 'had not returned';
}

/** "took longer than N ms" or, for a promise, "took longer than N ms to settle". */
function tookLonger(pending: PendingPrerequisite | undefined, timeoutMs: number): string {
  return `took longer than ${timeoutMs} ms${pending?.phase === 'returned' ? ' to settle' : ''}`;
}

const ROOT_CAUSE_PREFIX: Readonly<Record<PrerequisiteKind, (builder: string) => string>> = {
  config: (builder) => `${builder}'s config could not be parsed`,
  builder_construction: (builder) => `${builder} could not be constructed`,
  step_creation: (builder) => `${builder} could not create its step`,
};

function during(builder: string, pending: PendingPrerequisite | undefined): string {
  if (!pending) return 'it ran';
  return `${runningCode(builder, pending)} ${pending.phase === 'returned' ? 'was pending' : 'ran'}`;
}

function lossSentence(builder: string, lost: LostCheck, loss: WorkerLoss): string {
  const code = runningCode(builder, lost.pending);
  if (loss.kind === 'timeout') return `${code} ${tookLonger(lost.pending, loss.timeoutMs)} (${activity(loss.busy)})`;
  return `the worker stopped (${loss.cause}) while ${during(builder, lost.pending)}`;
}

export interface LostCheckReport {
  /** The lost check's result; absent when the worker was lost after its builder's last check. */
  readonly result?: CheckResult;
  /** The builder code that was running, now a known failure for the checks still to run. */
  readonly rootCause?: { readonly kind: PrerequisiteKind; readonly cause: RootCause };
}

/** What the report of a lost check says about the check. */
export type LostCheckDefinition = Pick<CheckDefinition, 'id' | 'level' | 'title' | 'severity' | 'importance'>;

export function reportLostCheck(
  builder: string,
  check: LostCheckDefinition | undefined,
  lost: LostCheck,
  importance = check?.importance ?? 1,
): LostCheckReport {
  const { loss, pending } = lost;
  const rootCause = pending
    ? { kind: pending.kind, cause: { kind: pending.kind, message: `${ROOT_CAUSE_PREFIX[pending.kind](builder)}: ${lossSentence(builder, lost, loss)}` } }
    : undefined;
  if (!check) return rootCause ? { rootCause } : {};
  const message =
    loss.kind === 'timeout'
      ? `Check ${check.id} took longer than ${loss.timeoutMs} ms: ${runningCode(builder, pending)} ${notYet(pending)} (${activity(loss.busy)}); the worker running ${builder} was stopped`
      : `Check ${check.id} did not finish: the worker running ${builder} stopped (${loss.cause}) while ${during(builder, pending)}`;
  const result: CheckResult = {
    id: check.id,
    level: check.level,
    title: check.title,
    severity: check.severity,
    importance,
    status: 'error',
    message,
    ...(rootCause ? { rootCause: rootCause.cause } : {}),
    durationMs: lost.durationMs,
  };
  return { result, ...(rootCause ? { rootCause } : {}) };
}
