import type { SageMakerStepType } from '@stepscore/step-builder';
import type { CheckDefinition, CheckOutcome } from '../check/check-definition.js';
import type { CheckResult, RootCause } from '../check/check-result.js';
import type { CheckContext } from '../context/check-context.js';
import { PrerequisiteError } from '../context/prerequisite-error.js';
import { errorMessage } from '../error-message.js';

export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

class CheckTimeoutError extends Error {}

/** `work`, failing with a CheckTimeoutError once `ms` have passed; with no limit (Infinity), `work` as it is. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  if (ms === Number.POSITIVE_INFINITY) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(`took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function appliesTo(check: CheckDefinition, stepType: string): boolean {
  return check.appliesTo === 'all' || (check.appliesTo as readonly string[]).includes(stepType as SageMakerStepType);
}

/** Runs one check and turns whatever happens into a plain result; a check never takes the run down. */
export async function runCheck(
  check: CheckDefinition,
  context: CheckContext,
  timeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
  importance = check.importance ?? 1,
): Promise<CheckResult> {
  const base = { id: check.id, level: check.level, title: check.title, severity: check.severity, importance };
  const stepType = context.registration.stepType;
  if (!appliesTo(check, stepType)) {
    const types = (check.appliesTo as readonly string[]).join(', ');
    return {
      ...base,
      status: 'not_applicable',
      message: `applies to ${types} builders; ${context.registration.stepName} is a ${stepType} builder`,
      durationMs: 0,
    };
  }
  const started = performance.now();
  const backendRequestsBefore = context.backendRequestCount;
  let outcome: CheckOutcome;
  let rootCause: RootCause | undefined;
  try {
    outcome = await withTimeout(
      Promise.resolve().then(() => check.run(context)),
      timeoutMs,
    );
  } catch (error) {
    if (error instanceof PrerequisiteError) {
      rootCause = error.rootCause;
      outcome = { status: 'fail', message: `Needs what could not be made — ${error.rootCause.message}` };
    } else if (error instanceof CheckTimeoutError) {
      outcome = { status: 'error', message: `Check ${check.id} ${error.message}` };
    } else {
      outcome = { status: 'error', message: `Check ${check.id} raised: ${errorMessage(error)}` };
    }
  }
  const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  const servedBy = context.backendRequestCount > backendRequestsBefore ? await context.backendServedBy() : undefined;
  const judged = servedBy ? { ...base, servedBy } : base;
  switch (outcome.status) {
    case 'pass':
      return { ...judged, status: 'pass', ...(outcome.details ? { message: outcome.details } : {}), durationMs };
    case 'fail':
      return {
        ...judged,
        status: 'fail',
        message: outcome.message,
        ...(outcome.evidence !== undefined ? { evidence: outcome.evidence } : {}),
        ...(rootCause ? { rootCause } : {}),
        durationMs,
      };
    case 'not_applicable':
      // A blocker that did not judge leaves SageMaker's acceptance unknown: the run fails closed.
      if (check.severity === 'blocker') {
        return {
          ...base,
          status: 'error',
          message: `Blocker check ${check.id} did not judge this builder (${outcome.reason}); a blocker may not be not applicable`,
          durationMs,
        };
      }
      return { ...base, status: 'not_applicable', message: outcome.reason, durationMs };
    case 'error':
      return { ...judged, status: 'error', message: outcome.message, durationMs };
  }
}
