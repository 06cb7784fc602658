import type { CheckContext } from '../context/check-context.js';
import { PrerequisiteError } from '../context/prerequisite-error.js';
import { errorMessage } from '../error-message.js';
import { type AssembledPipeline, assemblePipeline } from './assemble-pipeline.js';

const assembled = new WeakMap<CheckContext, Promise<AssembledPipeline>>();

/** The pipeline assembled around the context's builder, once per context; rejects with why it could not be. */
export function assembledPipeline(ctx: CheckContext): Promise<AssembledPipeline> {
  let pipeline = assembled.get(ctx);
  if (!pipeline) {
    pipeline = Promise.resolve().then(() => assemblePipeline(ctx.builder(), ctx.upstreamCatalogue()));
    assembled.set(ctx, pipeline);
  }
  return pipeline;
}

/**
 * For checks that use the assembled pipeline without judging its assembly: when it cannot be assembled,
 * that is their root cause (the `level4.pipeline_assembly` check reports the failure itself).
 */
export async function requireAssembledPipeline(ctx: CheckContext): Promise<AssembledPipeline> {
  try {
    return await assembledPipeline(ctx);
  } catch (error) {
    if (error instanceof PrerequisiteError) throw error;
    throw new PrerequisiteError({
      kind: 'pipeline_assembly',
      message: `${ctx.registration.stepName} could not be assembled into a pipeline: ${errorMessage(error)}`,
    });
  }
}
