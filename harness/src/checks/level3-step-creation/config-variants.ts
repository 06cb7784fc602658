import { type BasePipelineConfig, type CreateStepOptions, InMemoryArtifactStore, parseBuilderConfig, type PipelineStepDefinition, type StepBuilderBase } from '@stepscore/step-builder';
import type { CheckContext } from '../../context/check-context.js';

/**
 * The run's raw config with some fields changed, validated again by the builder's own schema.
 * Asks for the run's config first, so a config that is already invalid stays the root cause.
 * @throws ConfigValidationError when the schema rejects the changed config.
 */
export function reparsedConfig(ctx: CheckContext, changes: Readonly<Record<string, unknown>>): BasePipelineConfig {
  ctx.config();
  return parseBuilderConfig(ctx.registration, { ...(ctx.rawConfig as Record<string, unknown>), ...changes }, 'a probe config');
}

/** A new builder for a probe: its generated files go to memory, so the run's recorded uploads stay the run step's own. */
export function probeBuilder(ctx: CheckContext, config: BasePipelineConfig = ctx.config()): { builder: StepBuilderBase; store: InMemoryArtifactStore } {
  ctx.builder(); // a builder that cannot be constructed at all is the root cause, not this probe's failure
  const store = new InMemoryArtifactStore();
  return { builder: ctx.construct(config, { artifactStore: store }), store };
}

/** The step a probe builder made from the config with `changes`, given the run's mocked inputs unless told otherwise. */
export async function probeStep(
  ctx: CheckContext,
  changes: Readonly<Record<string, unknown>>,
  options: CreateStepOptions = { inputs: ctx.mockInputs() },
): Promise<PipelineStepDefinition> {
  const { builder } = probeBuilder(ctx, reparsedConfig(ctx, changes));
  return builder.createStep(options);
}
