import { stepTypeVocabulary } from '@stepscore/sagemaker';
import type { PipelineStepDefinition } from '@stepscore/step-builder';
import { stripPropertiesPrefix } from '@stepscore/step-model';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';
import type { AssembledPipeline } from '../../catalogue/assemble-pipeline.js';
import { assembledPipeline } from '../../catalogue/context-pipeline.js';
import { PrerequisiteError } from '../../context/prerequisite-error.js';
import { errorMessage } from '../../error-message.js';
import { containsExpression, findStepsGets } from '../../simulator/pipeline-expressions.js';

/** Each `Get` in the builder's Arguments to a producer's output that none of its dependencies resolved to. */
function unresolvedProducerReads(pipeline: AssembledPipeline): string[] {
  const { builderStep } = pipeline;
  const resolvedGets = new Set(pipeline.builderMatches.flatMap((m) => (m.resolved ? [m.resolved.reference.Get] : [])));
  const producers = new Map(pipeline.producers.map((p) => [p.name, p]));
  const problems: string[] = [];
  for (const found of findStepsGets(builderStep.Arguments, 'Arguments')) {
    const producer = producers.get(found.stepName);
    if (!producer || resolvedGets.has(found.get)) continue;
    const output = [...producer.spec.outputs.values()].find((o) => stripPropertiesPrefix(o.propertyPath) === found.path);
    const what = output ? `${producer.name}.${output.logicalName} (${output.outputType})` : `${found.path} of ${producer.name}`;
    problems.push(
      `${builderStep.Name} ${found.at} reads ${what}, which none of its dependencies resolved to; ` +
        `a step must take upstream data only through the dependencies its specification declares`,
    );
  }
  return problems;
}

function assemblyProblems(pipeline: AssembledPipeline, expectedName: string, registeredType: string): string[] {
  const problems: string[] = [];
  const { builderStep } = pipeline;
  if (builderStep.Name !== expectedName) {
    problems.push(
      `createStep returned a step named '${builderStep.Name}', but the builder's references name '${expectedName}' (getOutputStepName()); references to the step would name the wrong one`,
    );
  }
  const expectedType = stepTypeVocabulary(registeredType)?.pipelineType;
  if (expectedType !== undefined && builderStep.Type !== expectedType) {
    problems.push(`createStep returned a step of Type '${builderStep.Type}', but a ${registeredType} builder's step must have Type '${expectedType}'`);
  }
  for (const { output, reason } of pipeline.unconsumedOutputs) {
    problems.push(
      `Output '${output.logicalName}' (${output.outputType}, ${output.dataType}) has no consumer in the catalogue: ${reason}; nothing downstream could take it`,
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
  problems.push(...unresolvedProducerReads(pipeline));
  return problems;
}

const describeStep = (s: PipelineStepDefinition) => `${s.Name} (${s.Type})`;

export const pipelineAssembly = defineCheck({
  id: 'level4.pipeline_assembly',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'The builder assembles into a pipeline after the producers its dependencies resolve to and before a consumer of each output',
  async run(ctx) {
    const builder = ctx.builder();
    let pipeline: AssembledPipeline;
    try {
      pipeline = await assembledPipeline(ctx);
    } catch (error) {
      if (error instanceof PrerequisiteError) throw error;
      return fail(`${ctx.registration.stepName} could not be assembled into a pipeline: ${errorMessage(error)}`);
    }
    const order = pipeline.definition.Steps.map(describeStep);
    const evidence = {
      steps: order,
      builderInputs: Object.fromEntries(pipeline.builderMatches.flatMap((m) => (m.resolved ? [[m.dependency.logicalName, m.resolved.reference]] : []))),
      consumers: pipeline.consumers.map((c) => ({ output: c.output.logicalName, step: c.name, dependency: c.dependency.logicalName, score: c.score })),
      unconsumed: pipeline.unconsumedOutputs.map((u) => u.output.logicalName),
    };
    const takes = pipeline.consumers.map((c) => `${c.output.logicalName} → ${c.name}.${c.dependency.logicalName}`).join(', ');
    return outcomeFromProblems(
      assemblyProblems(pipeline, builder.getOutputStepName(), ctx.registration.stepType),
      `assembled as ${pipeline.definition.Steps.map((s) => s.Name).join(' → ')} (${takes})`,
      evidence,
    );
  },
});
