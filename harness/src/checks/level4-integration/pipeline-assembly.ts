import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage, PrerequisiteError } from '../../context/prerequisite-error.js';
import type { AssembledPipeline } from '../../catalogue/assemble-pipeline.js';
import { assembledPipeline } from '../../catalogue/context-pipeline.js';
import { containsExpression } from '../../simulator/pipeline-expressions.js';

const MODEL_OUTPUT = 'model_output';

function assemblyProblems(pipeline: AssembledPipeline, expectedName: string): string[] {
  const problems: string[] = [];
  const { builderStep, consumer, consumerMatch } = pipeline;
  if (builderStep.Name !== expectedName) {
    problems.push(`createStep returned a step named '${builderStep.Name}', but getStepName() says '${expectedName}'; references to the step would name the wrong one`);
  }
  const resolved = consumerMatch.resolved;
  if (resolved.providerStep !== builderStep.Name || resolved.outputName !== MODEL_OUTPUT) {
    problems.push(
      `${consumer.name}'s '${consumerMatch.dependency.logicalName}' resolves to ${resolved.providerStep}.${resolved.outputName}, ` +
        `not to ${builderStep.Name}.${MODEL_OUTPUT}; the builder's trained model must be its '${MODEL_OUTPUT}' output`,
    );
  }
  for (const match of pipeline.builderMatches) {
    if (!match.dependency.required || !match.resolved) continue;
    if (!containsExpression(builderStep.Arguments, match.resolved.reference)) {
      problems.push(
        `${builderStep.Name}'s required input '${match.dependency.logicalName}' resolves to ${match.resolved.providerStep}.${match.resolved.outputName}, ` +
          `but the step created with that producer as a dependency does not use ${JSON.stringify(match.resolved.reference)} anywhere in its Arguments; ` +
          `createStep must feed the resolved reference into the job's inputs`,
      );
    }
  }
  return problems;
}

export const pipelineAssembly = defineCheck({
  id: 'level4.pipeline_assembly',
  level: 4,
  severity: 'blocker',
  importance: 1.5,
  appliesTo: 'all',
  title: 'The builder assembles into a pipeline between an upstream producer and a model consumer',
  async run(ctx) {
    const builder = ctx.builder();
    let pipeline: AssembledPipeline;
    try {
      pipeline = await assembledPipeline(ctx);
    } catch (error) {
      if (error instanceof PrerequisiteError) throw error;
      return fail(`${ctx.registration.stepName} could not be assembled into a pipeline: ${errorMessage(error)}`);
    }
    const order = pipeline.definition.Steps.map((s) => s.Name);
    const evidence = {
      steps: order,
      builderInputs: Object.fromEntries(pipeline.builderMatches.flatMap((m) => (m.resolved ? [[m.dependency.logicalName, m.resolved.reference]] : []))),
      consumer: { step: pipeline.consumer.name, resolvedTo: pipeline.consumerMatch.resolved },
    };
    return outcomeFromProblems(assemblyProblems(pipeline, builder.getStepName()), `assembled as ${order.join(' → ')}`, evidence);
  },
});
