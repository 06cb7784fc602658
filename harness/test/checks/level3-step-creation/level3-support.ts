// Shared by the Level 3 check tests: the real builder classes to subclass, and a one-check runner.
import type { BuilderRegistration } from '@stepscore/step-builder';
import { expect, it } from 'vitest';
import type { CheckResult } from '../../../src/check/check-result.js';
import { realBuilder, runChecks } from '../../support/broken-builders.js';

export { PyTorchTrainingStepBuilder as RealPyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
export { XGBoostTrainingStepBuilder as RealXGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';

export const REAL_BUILDERS = ['PyTorchTraining', 'XGBoostTraining'] as const;

export async function runCheck(registration: BuilderRegistration, id: string): Promise<CheckResult> {
  const result = (await runChecks(registration, [id]))[id];
  if (!result) throw new Error(`check ${id} produced no result`);
  return result;
}

/** The check passes on both registered builders, with their default configs. */
export function itPassesOnRealBuilders(id: string): void {
  it.each(REAL_BUILDERS)(`passes on %s`, async (name) => {
    const result = await runCheck(realBuilder(name), id);
    expect(result.status, result.message).toBe('pass');
  });
}

export function expectFailure(result: CheckResult, ...fragments: readonly string[]): void {
  expect(result.status, result.message).toBe('fail');
  expect(result.rootCause, 'a fixture must break this check, not the step it needs').toBeUndefined();
  for (const fragment of fragments) expect(result.message).toContain(fragment);
}
