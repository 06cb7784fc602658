import type { BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { CheckDefinition, Level } from '../check/check-definition.js';
import type { BuilderResult, CheckResult } from '../check/check-result.js';
import { CheckContext, type CheckContextOptions } from '../context/check-context.js';
import type { IndexedCatalogue } from '../catalogue/indexed-catalogue.js';
import type { IntegrationBackendFactory } from '../backends/integration-backend.js';
import { profileChecks, profileFor } from '../profiles/index.js';
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
  /** The upstream catalogue for the Integration level, indexed once for the whole run; the built-in one when absent. */
  readonly catalogue?: IndexedCatalogue;
  /** Makes the context the checks share; a plain CheckContext when absent (the isolated runner observes it). */
  readonly createContext?: (options: CheckContextOptions) => CheckContext;
  /** Told before each selected check runs; the isolated runner's watchdog starts here. */
  readonly onCheckStarted?: (check: CheckDefinition) => void;
  readonly onCheckFinished?: (result: CheckResult) => void;
}

/** Runs the checks for one builder in declaration order, sharing one context (one builder, one step). */
export async function runBuilder(registration: BuilderRegistration, registry: BuilderRegistry, options: BuilderRunOptions): Promise<BuilderResult> {
  const contextOptions: CheckContextOptions = {
    registration,
    registry,
    rawConfig: options.rawConfig,
    backendFactory: options.backendFactory,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
  };
  const context = options.createContext ? options.createContext(contextOptions) : new CheckContext(contextOptions);
  const profile = profileFor(registration.stepType, options.checks);
  const selected = profileChecks(profile, options.checks).filter(({ check }) => !options.levels || options.levels.includes(check.level));
  const checks: CheckResult[] = [];
  try {
    for (const { check, importance } of selected) {
      options.onCheckStarted?.(check);
      const result = await runCheck(check, context, options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, importance);
      options.onCheckFinished?.(result);
      checks.push(result);
    }
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
