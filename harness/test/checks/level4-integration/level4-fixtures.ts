// Broken builders and backends for the Integration checks.
import type { BuilderRegistration, PipelineStepDefinition } from '@stepscore/step-builder';
import { IndexedCatalogue } from '../../../src/catalogue/indexed-catalogue.js';
import type { UpstreamCatalogue } from '../../../src/catalogue/upstream-catalogue.js';
import type { CheckResult } from '../../../src/check/check-result.js';
import { CheckContext } from '../../../src/context/check-context.js';
import { mockInputsFor } from '../../../src/context/mock-inputs.js';
import type { IntegrationBackend } from '../../../src/backends/integration-backend.js';
import { createMockBackend, type MockIntegrationBackend } from '../../../src/backends/mock-backend.js';
import { runCheck } from '../../../src/runner/run-check.js';
import { builderRegistry, findCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

/** The output of that logical name points at `propertyPath` instead. */
export function withOutputPath(base: BuilderRegistration, logicalName: string, propertyPath: string): BuilderRegistration {
  return withSpecAndContract(base, (spec) => {
    spec.outputs = spec.outputs.map((o) => (o.logicalName === logicalName ? { ...o, propertyPath } : o));
  });
}

export { needingInferencePayload } from '../../../defects/spec-defects.js';

/** createStep ignores the inputs resolved from its dependencies and reads fixed S3 locations instead. */
export function droppingResolvedInputs(base: BuilderRegistration): BuilderRegistration {
  const Base = base.builderClass as unknown as new (
    ...args: never[]
  ) => {
    spec: Parameters<typeof mockInputsFor>[0];
    createStep(options?: Record<string, unknown>): Promise<unknown>;
  };
  const name = base.builderClass.name;
  const Dropping = {
    [name]: class extends Base {
      override createStep(options: Record<string, unknown> = {}) {
        return super.createStep({ ...options, inputs: mockInputsFor(this.spec) });
      }
    },
  }[name];
  return withBuilderClass(base, Dropping);
}

/** createStep's step, changed by `edit` before the builder returns it. */
export function withStepEdit(
  base: BuilderRegistration,
  edit: (step: PipelineStepDefinition & { Arguments: Record<string, unknown> }) => void,
): BuilderRegistration {
  const Base = base.builderClass as unknown as new (...args: never[]) => { createStep(options?: Record<string, unknown>): Promise<PipelineStepDefinition> };
  const name = base.builderClass.name;
  const Editing = {
    [name]: class extends Base {
      override async createStep(options: Record<string, unknown> = {}) {
        const step = structuredClone(await super.createStep(options)) as PipelineStepDefinition & { Arguments: Record<string, unknown> };
        edit(step);
        return step;
      }
    },
  }[name];
  return withBuilderClass(base, Editing);
}

/** A context for one builder whose Integration level runs against `catalogue`. */
export function contextWithCatalogue(registration: BuilderRegistration, catalogue: UpstreamCatalogue): CheckContext {
  return new CheckContext({ registration, registry: builderRegistry, backendFactory: createMockBackend, catalogue: new IndexedCatalogue(catalogue) });
}

/** A context for one builder whose backend is made by `backendFactory`. */
export function contextWith(registration: BuilderRegistration, backendFactory: (region: string) => Promise<IntegrationBackend>): CheckContext {
  return new CheckContext({ registration, registry: builderRegistry, backendFactory });
}

/** The mock backend, but DescribePipeline hands back the stored definition after `edit`. */
export function editingBackend(edit: (definition: Record<string, unknown>) => void) {
  const made: MockIntegrationBackend[] = [];
  const factory = async (region: string): Promise<IntegrationBackend> => {
    const backend = await createMockBackend(region);
    made.push(backend);
    return {
      ...backend,
      async describePipelineDefinition(name: string) {
        const stored = JSON.parse(await backend.describePipelineDefinition(name)) as Record<string, unknown>;
        edit(stored);
        return JSON.stringify(stored);
      },
    };
  };
  return { factory, made };
}

/** Runs one check in `ctx`, then closes it. */
export async function runInContext(ctx: CheckContext, id: string): Promise<CheckResult> {
  try {
    return await runCheck(findCheck(id), ctx);
  } finally {
    await ctx.close();
  }
}
