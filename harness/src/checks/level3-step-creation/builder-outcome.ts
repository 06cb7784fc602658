import { type CheckOutcome, fail, pass } from '../../check/check-definition.js';

/** Passes with `details` when there are no problems; otherwise fails naming the builder once, then every problem. */
export function builderOutcome(builder: string, problems: readonly string[], details: string, evidence?: unknown): CheckOutcome {
  if (problems.length === 0) return pass(details);
  return fail(`${builder}: ${problems.join('; ')}`, evidence ?? (problems.length > 1 ? { problems } : undefined));
}
