import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { pipelineNameFor } from '../../catalogue/assemble-pipeline.js';
import { requireAssembledPipeline } from '../../catalogue/context-pipeline.js';
import { type DryRunResult, dryRun } from '../../simulator/dry-run.js';
import { valueAtPropertyPath } from '../../simulator/property-values.js';

const MODEL_ARTIFACTS = 'ModelArtifacts.S3ModelArtifacts';

/** The consumer must get exactly the model the builder's training job wrote. */
function modelDataProblems(result: DryRunResult, builderStep: string, consumerStep: string, modelDataArgument: string): string[] {
  const training = result.runs.get(builderStep);
  const consumer = result.runs.get(consumerStep);
  // A step that did not run is already reported with the references that kept it from running.
  if (training?.status !== 'Succeeded' || consumer?.status !== 'Succeeded') return [];
  const artifacts = valueAtPropertyPath(training.response, MODEL_ARTIFACTS);
  if (!artifacts.ok) return [`DescribeTrainingJob for ${training.jobName} has no ${MODEL_ARTIFACTS}: ${artifacts.reason}`];
  const modelData = valueAtPropertyPath(consumer.arguments, modelDataArgument);
  const found = modelData.ok ? JSON.stringify(modelData.value) : 'nothing';
  if (modelData.ok && modelData.value === artifacts.value) return [];
  return [
    `${consumerStep}'s ${modelDataArgument} resolved to ${found}, but training job ${training.jobName} wrote its model to ` +
      `${JSON.stringify(artifacts.value)} (DescribeTrainingJob ${MODEL_ARTIFACTS}); model_output's property path must lead to the model artifacts`,
  ];
}

export const dryRunExecution = defineCheck({
  id: 'level4.dry_run_execution',
  level: 4,
  severity: 'blocker',
  importance: 1.3,
  appliesTo: 'all',
  title: 'A dry-run execution resolves every reference and hands the trained model to the consumer',
  async run(ctx) {
    const pipeline = await requireAssembledPipeline(ctx);
    const builder = ctx.builder();
    const backend = await ctx.backend();
    const pipelineName = pipelineNameFor(builder, 'dry-run');
    let result: DryRunResult;
    try {
      result = await dryRun(backend, pipeline.definition, { pipelineName, roleArn: builder.role, region: builder.awsRegion });
    } catch (error) {
      return fail(`The dry run of pipeline '${pipelineName}' could not start on the ${backend.name} backend: ${errorMessage(error)}`);
    }
    const consumerEntry = ctx.upstreamCatalogue().consumers.find((c) => c.entry.stepName === pipeline.consumer.name)?.entry;
    const problems = [
      ...result.unresolved.map((u) => `Step '${u.step}' ${u.at}: ${JSON.stringify(u.expression)} did not resolve: ${u.reason}`),
      ...result.problems,
      ...(consumerEntry ? modelDataProblems(result, pipeline.builderStep.Name, pipeline.consumer.name, consumerEntry.modelDataArgument) : []),
    ];
    const jobs = [...result.runs.values()].map((r) => ({ step: r.name, type: r.type, status: r.status, job: r.jobName }));
    return outcomeFromProblems(
      problems,
      `execution ${result.executionArn} ran ${result.order.join(' → ')} with every reference resolved`,
      problems.length > 0 ? { problems, executionArn: result.executionArn, steps: jobs, unresolved: result.unresolved } : undefined,
    );
  },
});
