import { STEP_TYPES, type StepTypeName, stepTypeVocabulary } from '@stepscore/sagemaker';
import { DependencyType, type OutputSpec, stripPropertiesPrefix } from '@stepscore/step-model';
import { servedByMockNote } from '../../backends/integration-backend.js';
import { type AssembledPipeline, pipelineNameFor } from '../../catalogue/assemble-pipeline.js';
import { requireAssembledPipeline } from '../../catalogue/context-pipeline.js';
import { defineCheck, fail, pass } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { type DryRunResult, dryRun, type StepRun } from '../../simulator/dry-run.js';
import { valueAtPropertyPath } from '../../simulator/property-values.js';

/**
 * Where SageMaker reports an output of this type for a step of this type, when the service has one place
 * for it: a Training job's model artefacts are `ModelArtifacts.S3ModelArtifacts` and nowhere else.
 */
const SERVICE_LOCATION: Partial<Record<StepTypeName, Partial<Record<DependencyType, string>>>> = {
  Training: { [DependencyType.MODEL_ARTIFACTS]: 'ModelArtifacts.S3ModelArtifacts' },
};

const show = (value: unknown) => JSON.stringify(value);

interface TracedOutput {
  readonly output: OutputSpec;
  readonly value: unknown;
}

/** Each builder output's value in its Describe* response, and what is wrong with it. */
function traceOutputs(run: StepRun, stepType: StepTypeName, outputs: readonly OutputSpec[], problems: string[]): TracedOutput[] {
  const describe = STEP_TYPES[stepType].describeOperation;
  const traced: TracedOutput[] = [];
  for (const output of outputs) {
    const path = stripPropertiesPrefix(output.propertyPath);
    const found = valueAtPropertyPath(run.response, path);
    if (!found.ok) {
      problems.push(
        `Output '${output.logicalName}' points at ${path}, which has no value in ${describe} for job ${run.jobName}: ${found.reason}; a consumer could never read it`,
      );
      continue;
    }
    if (output.dataType === 'S3Uri' && !(typeof found.value === 'string' && found.value.startsWith('s3://'))) {
      problems.push(
        `Output '${output.logicalName}' is declared S3Uri, but its property path ${path} gives ${show(found.value)} in ${describe}, which is not an S3 URI`,
      );
    }
    const serviceLocation = SERVICE_LOCATION[stepType]?.[output.outputType];
    if (serviceLocation !== undefined && path !== serviceLocation) {
      const expected = valueAtPropertyPath(run.response, serviceLocation);
      if (expected.ok && expected.value !== found.value) {
        problems.push(
          `Output '${output.logicalName}' (${output.outputType}) resolves to ${show(found.value)} (${path}), but ${describe} reports this job's ${output.outputType} at ` +
            `${serviceLocation}: ${show(expected.value)}; its property path must lead there`,
        );
      }
    }
    for (const [type, location] of Object.entries(SERVICE_LOCATION[stepType] ?? {})) {
      if (path === location && output.outputType !== type) {
        problems.push(
          `Output '${output.logicalName}' reads ${path}, where ${describe} reports the job's ${type}, but is declared ${output.outputType}; ` +
            `a consumer of ${type} would not take it, and a consumer of ${output.outputType} would get ${type}`,
        );
      }
    }
    traced.push({ output, value: found.value });
  }
  return traced;
}

/** Outputs of distinct logical names must not carry the same value: a consumer of one would get the other's data. */
function sameValueProblems(traced: readonly TracedOutput[]): string[] {
  const byValue = new Map<string, TracedOutput[]>();
  for (const t of traced) {
    const key = show(t.value);
    byValue.set(key, [...(byValue.get(key) ?? []), t]);
  }
  return [...byValue.entries()]
    .filter(([, group]) => group.length > 1)
    .map(
      ([value, group]) =>
        `Outputs ${group.map((t) => `'${t.output.logicalName}' (${stripPropertiesPrefix(t.output.propertyPath)})`).join(' and ')} resolve to the same value ${value}; ` +
        `outputs with different logical names must point at different data`,
    );
}

/** Each consumer must receive exactly the value of the output it was wired to. */
function deliveryProblems(result: DryRunResult, pipeline: AssembledPipeline, traced: readonly TracedOutput[]): string[] {
  const problems: string[] = [];
  for (const consumer of pipeline.consumers) {
    const run = result.runs.get(consumer.name);
    const sent = traced.find((t) => t.output.logicalName === consumer.output.logicalName);
    // A step that did not run, or an output without a value, is already reported.
    if (run?.status !== 'Succeeded' || !sent || consumer.inputArgument === '') continue;
    const received = valueAtPropertyPath(run.arguments, consumer.inputArgument);
    if (!received.ok || received.value !== sent.value) {
      problems.push(
        `${consumer.name}'s ${consumer.inputArgument} received ${received.ok ? show(received.value) : 'nothing'}, but ${pipeline.builderStep.Name}'s output ` +
          `'${consumer.output.logicalName}' is ${show(sent.value)}`,
      );
    }
  }
  return problems;
}

export const dryRunExecution = defineCheck({
  id: 'level4.dry_run_execution',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: "A dry-run execution resolves every reference and delivers each output's value to its consumer",
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
    const problems = [
      ...result.unresolved.map((u) => `Step '${u.step}' ${u.at}: ${JSON.stringify(u.expression)} did not resolve: ${u.reason}`),
      ...result.problems,
    ];
    const builderRun = result.runs.get(pipeline.builderStep.Name);
    const stepType = stepTypeVocabulary(pipeline.builderStep.Type)?.stepType;
    if (builderRun?.status === 'Succeeded' && stepType) {
      const traced = traceOutputs(builderRun, stepType, [...builder.spec.outputs.values()], problems);
      problems.push(...sameValueProblems(traced), ...deliveryProblems(result, pipeline, traced));
    }
    const jobs = [...result.runs.values()].map((r) => ({ step: r.name, type: r.type, status: r.status, job: r.jobName }));
    const note = servedByMockNote(backend);
    if (problems.length > 0) {
      return fail(`${problems.join('; ')}${note}`, {
        problems,
        executionArn: result.executionArn,
        steps: jobs,
        unresolved: result.unresolved,
        servedByMock: result.servedByMock,
      });
    }
    return pass(
      `execution ${result.executionArn} ran ${result.order.join(' → ')} on the ${backend.name} backend${note}; every reference resolved and ` +
        `${pipeline.consumers.length} output(s) reached their consumers`,
    );
  },
});
