// Helpers to make a broken copy of a real builder's registration, and to run checks against it.
import { type BuilderRegistration, BuilderRegistry } from '@stepscore/step-builder';
import type { StepSpecificationInput, TrainingScriptContract } from '@stepscore/step-model';
import { builderRegistry } from '../../../builders/registry.js';
import type { CheckDefinition } from '../../src/check/check-definition.js';
import type { CheckResult } from '../../src/check/check-result.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { createMockBackend } from '../../src/integration/mock-backend.js';
import { runBuilder } from '../../src/runner/run-builder.js';

export { builderRegistry };

export function realBuilder(name: 'PyTorchTraining' | 'XGBoostTraining'): BuilderRegistration {
  return builderRegistry.get(name);
}

const clone = <T>(value: T): T => structuredClone(value);

/** A copy of the registration whose spec and contract were changed by `mutate` (on deep copies). */
export function withSpecAndContract(
  base: BuilderRegistration,
  mutate: (spec: StepSpecificationInput, contract: TrainingScriptContract) => void,
): BuilderRegistration {
  const contract = clone(base.contract) as TrainingScriptContract;
  const spec = { ...clone({ ...base.spec, scriptContract: undefined }), scriptContract: contract } as StepSpecificationInput;
  mutate(spec, contract);
  const BaseClass = base.builderClass;
  // The builder class takes its spec from its own module; this subclass hands it the broken one.
  const Broken = {
    [base.builderClass.name]: class extends (BaseClass as new (...args: never[]) => object) {
      constructor(config: never, options: Record<string, unknown> = {}) {
        super(config, { ...options, spec: { ...spec, scriptContract: spec.scriptContract } } as never);
      }
    },
  }[base.builderClass.name] as unknown as BuilderRegistration['builderClass'];
  return { ...base, spec, contract: spec.scriptContract ?? contract, builderClass: Broken };
}

/** A copy of the registration with another builder class (usually a subclass overriding one method). */
export function withBuilderClass(base: BuilderRegistration, builderClass: unknown): BuilderRegistration {
  return { ...base, builderClass: builderClass as BuilderRegistration['builderClass'] };
}

/** A copy of the registration whose default config was changed by `mutate` (on a deep copy). */
export function withDefaultConfig(base: BuilderRegistration, mutate: (config: Record<string, unknown>) => void): BuilderRegistration {
  const config = clone(base.defaultConfig) as Record<string, unknown>;
  mutate(config);
  return { ...base, defaultConfig: config };
}

/** Runs the named checks (all when none named) on a registration, inside a registry holding it. */
export async function runChecks(registration: BuilderRegistration, ids?: readonly string[]): Promise<Record<string, CheckResult>> {
  const registry = new BuilderRegistry([...builderRegistry.all().filter((r) => r.stepName !== registration.stepName), registration]);
  const checks: CheckDefinition[] = ids ? ids.map((id) => findCheck(id)) : [...ALL_CHECKS];
  const result = await runBuilder(registration, registry, { checks, backendName: 'mock', backendFactory: createMockBackend });
  return Object.fromEntries(result.checks.map((c) => [c.id, c]));
}

export function findCheck(id: string): CheckDefinition {
  const check = ALL_CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`No check with id ${id}`);
  return check;
}
