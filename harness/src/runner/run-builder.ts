import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { CheckDefinition, Level } from '../check/check-definition.js';
import type { BuilderResult, CheckResult } from '../check/check-result.js';
import { CheckContext } from '../context/check-context.js';
import type { IntegrationBackendFactory } from '../integration/integration-backend.js';
import { DEFAULT_CHECK_TIMEOUT_MS, runCheck } from './run-check.js';

export interface BuilderRunOptions {
  readonly checks: readonly CheckDefinition[];
  readonly backendName: string;
  readonly backendFactory: IntegrationBackendFactory;
  /** Only these levels run; all four when absent. */
  readonly levels?: readonly Level[];
  /** Raw config to use instead of the registration's default. */
  readonly rawConfig?: unknown;
  readonly checkTimeoutMs?: number;
}

/** Runs the checks for one builder in declaration order, sharing one context (one builder, one step). */
export async function runBuilder(registration: BuilderRegistration, registry: BuilderRegistry, options: BuilderRunOptions): Promise<BuilderResult> {
  const context = new CheckContext({
    registration,
    registry,
    rawConfig: options.rawConfig,
    backendFactory: options.backendFactory,
  });
  const selected = options.checks.filter((c) => !options.levels || options.levels.includes(c.level));
  const checks: CheckResult[] = [];
  try {
    for (const check of selected) checks.push(await runCheck(check, context, options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS));
  } finally {
    await context.close();
  }
  return {
    builder: registration.stepName,
    stepType: registration.stepType,
    framework: registration.framework,
    backend: options.backendName,
    checks,
  };
}
