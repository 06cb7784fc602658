import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { pipelineNameFor } from '../../catalogue/assemble-pipeline.js';
import { requireAssembledPipeline } from '../../catalogue/context-pipeline.js';
import { servedByMockNote } from '../../backends/integration-backend.js';
import { roundTripDifferences } from '../../simulator/json-differences.js';

export const pipelineRoundTrip = defineCheck({
  id: 'level4.pipeline_round_trip',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'SageMaker accepts the pipeline definition (step types, Arguments, references) and DescribePipeline returns it unchanged',
  async run(ctx) {
    const { definition } = await requireAssembledPipeline(ctx);
    const builder = ctx.builder();
    const backend = await ctx.backend();
    const name = pipelineNameFor(builder, 'round-trip');
    const sent = JSON.stringify(definition);
    let stored: string;
    try {
      await backend.createPipeline({ name, definition: sent, roleArn: builder.role });
      stored = await backend.describePipelineDefinition(name);
    } catch (error) {
      return fail(`The ${backend.name} backend refused pipeline '${name}': ${errorMessage(error)}`);
    }
    let returned: unknown;
    try {
      returned = JSON.parse(stored);
    } catch (error) {
      return fail(`DescribePipeline returned a PipelineDefinition for '${name}' that is not JSON: ${errorMessage(error)}`);
    }
    const differences = roundTripDifferences(JSON.parse(sent), returned);
    return outcomeFromProblems(
      differences.map((d) => `Pipeline '${name}' did not round-trip through the ${backend.name} backend at ${d}`),
      `pipeline '${name}' (${sent.length} characters, ${definition.Steps.length} steps) was accepted by the ${backend.name} backend and round-trips${servedByMockNote(backend)}`,
      differences.length > 0 ? { pipeline: name, differences } : undefined,
    );
  },
});
