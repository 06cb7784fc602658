// Helpers to make a broken copy of a real builder's registration, and to run checks against it.
import { isStepTypeName } from '@stepscore/sagemaker';
import { type BuilderRegistration, BuilderRegistry, type CreateStepOptions, type PipelineStepDefinition } from '@stepscore/step-builder';
import type { CheckDefinition } from '../../src/check/check-definition.js';
import type { CheckResult } from '../../src/check/check-result.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { PROFILES } from '../../src/profiles/index.js';
import { runBuilder } from '../../src/runner/run-builder.js';
import { builderRegistry, withBuilderClass } from '../../defects/registration-variants.js';

// The helpers that make broken copies live with the seeded-defect corpus, which builds on them.
export {
  builderRegistry,
  realBuilder,
  withBuilderClass,
  withConfigSchema,
  withDefaultConfig,
  withSpecAndContract,
} from '../../defects/registration-variants.js';

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

/** The registered builders a check judges (those whose step type's profile runs it), for its pass tests. */
export function buildersJudgedBy(id: string): BuilderRegistration[] {
  findCheck(id);
  return builderRegistry.all().filter((r) => {
    const profile = isStepTypeName(r.stepType) ? PROFILES[r.stepType] : undefined;
    return profile?.checks[id] !== undefined;
  });
}

/** Runs one check on a registration and returns its result (throws when the check did not run). */
export async function runCheck(registration: BuilderRegistration, id: string): Promise<CheckResult> {
  const result = (await runChecks(registration, [id]))[id];
  if (!result) throw new Error(`${id} did not run on ${registration.stepName}`);
  return result;
}

type AnyStepBuilderClass = new (...args: never[]) => { createStep(options?: CreateStepOptions): Promise<PipelineStepDefinition> };

/** A subclass of the registration's builder, of the same name, whose createStep edits (a copy of) the Arguments it returns. */
export function withStepEdit(base: BuilderRegistration, edit: (args: Record<string, unknown>) => void): BuilderRegistration {
  const Base = base.builderClass as unknown as AnyStepBuilderClass;
  const named = {
    [base.builderClass.name]: class extends Base {
      override async createStep(options?: CreateStepOptions): Promise<PipelineStepDefinition> {
        const step = await super.createStep(options);
        const args = structuredClone(step.Arguments);
        edit(args);
        return { ...step, Arguments: args };
      }
    },
  };
  return withBuilderClass(base, named[base.builderClass.name]);
}
