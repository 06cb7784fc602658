import type { RootCause } from '../check/check-result.js';

/** Thrown by the context when something a check needs could not be made; the runner reports its root cause. */
export class PrerequisiteError extends Error {
  constructor(readonly rootCause: RootCause) {
    super(rootCause.message);
    this.name = 'PrerequisiteError';
  }
}
