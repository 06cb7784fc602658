import { stepTypeVocabulary } from '@stepscore/sagemaker';
import { type PipelineDefinition, type PipelineStepDefinition, sanitizeNameForSageMaker } from '@stepscore/step-builder';
import { parseStepsGet } from '@stepscore/step-model';
import { errorMessage } from '../error-message.js';
import { executionOrder } from './execution-order.js';
import type { IntegrationBackend } from '../backends/integration-backend.js';
import { valueAtPropertyPath } from './property-values.js';
import { type GetLookup, resolveExpressions, type UnresolvedReference } from './resolve-expressions.js';

export interface DryRunOptions {
  readonly pipelineName: string;
  readonly roleArn: string;
  readonly region: string;
}

export type StepRunStatus = 'Succeeded' | 'Failed';

/** One step of the execution: its Arguments with every reference resolved, and what its Describe* call returns. */
export interface StepRun {
  readonly name: string;
  readonly type: string;
  readonly status: StepRunStatus;
  readonly arguments: Record<string, unknown>;
  readonly jobName: string;
  readonly response?: object;
  readonly failureReason?: string;
}

export interface StepUnresolvedReference extends UnresolvedReference {
  readonly step: string;
}

export interface DryRunResult {
  readonly pipelineName: string;
  readonly executionArn: string;
  /** The order the steps ran in. */
  readonly order: readonly string[];
  readonly runs: ReadonlyMap<string, StepRun>;
  /** Every reference, in every step, that did not resolve to a value. */
  readonly unresolved: readonly StepUnresolvedReference[];
  /** Whatever kept steps from running: dependency problems and failed steps. */
  readonly problems: readonly string[];
  /** Operations the backend handed to the in-process mock, with why (see IntegrationBackend.servedByMock). */
  readonly servedByMock: readonly string[];
}

/** The execution's start time, fixed so that every run resolves `Execution.StartDateTime` the same. */
const EXECUTION_START = '2025-08-16T01:00:00.000Z';

function executionIdOf(executionArn: string): string {
  return executionArn.split('/').pop() || executionArn;
}

function accountOf(roleArn: string): string {
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? '000000000000';
}

/**
 * Runs a pipeline definition on a backend without running any job: CreatePipeline, StartPipelineExecution,
 * then each step in dependency order with its references resolved from the steps before it. Every step goes
 * through its type's create and describe operations on the backend (CreateTrainingJob, CreateProcessingJob,
 * CreateTransformJob, CreateModel and their Describe*), named as SageMaker Pipelines names the jobs it starts;
 * later steps read their inputs from those responses.
 */
export async function dryRun(backend: IntegrationBackend, definition: PipelineDefinition, options: DryRunOptions): Promise<DryRunResult> {
  const sent = JSON.stringify(definition);
  await backend.createPipeline({ name: options.pipelineName, definition: sent, roleArn: options.roleArn });
  const executionArn = await backend.startPipelineExecution(options.pipelineName);
  const executed = JSON.parse(sent) as PipelineDefinition;
  const executionId = executionIdOf(executionArn);
  const account = accountOf(options.roleArn);

  const { order, problems: orderProblems } = executionOrder(executed.Steps);
  const problems = [...orderProblems];
  const runs = new Map<string, StepRun>();
  const unresolved: StepUnresolvedReference[] = [];

  const nonStepLookup = (get: string): ReturnType<GetLookup> => {
    const [scope, name, ...rest] = get.split('.');
    if (rest.length > 0 || name === undefined) return { ok: false, reason: `${get} is not a reference SageMaker knows` };
    if (scope === 'Execution') {
      const variables: Record<string, string> = {
        PipelineExecutionId: executionId,
        PipelineExecutionArn: executionArn,
        PipelineName: options.pipelineName,
        PipelineArn: `arn:aws:sagemaker:${options.region}:${account}:pipeline/${options.pipelineName.toLowerCase()}`,
        StartDateTime: EXECUTION_START,
        CurrentDateTime: EXECUTION_START,
      };
      const value = variables[name];
      return value === undefined ? { ok: false, reason: `there is no execution variable '${name}'` } : { ok: true, value };
    }
    if (scope === 'Parameters') {
      const parameter = executed.Parameters.find((p) => p['Name'] === name);
      if (!parameter) return { ok: false, reason: `the pipeline declares no parameter '${name}'` };
      const value = parameter['DefaultValue'];
      return value === undefined ? { ok: false, reason: `parameter '${name}' has no default value and the execution gave none` } : { ok: true, value };
    }
    if (scope === 'PipelineExperimentConfig') {
      const configured = executed.PipelineExperimentConfig?.[name];
      if (configured === undefined) return { ok: false, reason: `the pipeline has no PipelineExperimentConfig.${name}` };
      const resolved = resolveExpressions(configured, nonStepLookup);
      return resolved.unresolved.length === 0
        ? { ok: true, value: resolved.value }
        : { ok: false, reason: resolved.unresolved.map((u) => u.reason).join('; ') };
    }
    return { ok: false, reason: `${get} is not a reference SageMaker knows` };
  };

  const lookupFor =
    (consumer: string): GetLookup =>
    (get) => {
      const reference = parseStepsGet(get);
      if (!reference) return nonStepLookup(get);
      const run = runs.get(reference.stepName);
      if (!run) {
        const exists = executed.Steps.some((s) => s.Name === reference.stepName);
        return {
          ok: false,
          reason: exists ? `step '${reference.stepName}' had not run when '${consumer}' needed it` : `there is no step '${reference.stepName}' in the pipeline`,
        };
      }
      if (run.status !== 'Succeeded') return { ok: false, reason: `step '${reference.stepName}' failed: ${run.failureReason ?? 'no reason given'}` };
      const found = valueAtPropertyPath(run.response, reference.path);
      return found.ok ? found : { ok: false, reason: `${found.reason} (step '${reference.stepName}', ${run.type} response)` };
    };

  for (const name of order) {
    const step = executed.Steps.find((s) => s.Name === name) as PipelineStepDefinition;
    const resolved = resolveExpressions(step.Arguments, lookupFor(name), 'Arguments');
    unresolved.push(...resolved.unresolved.map((u) => ({ ...u, step: name })));
    const jobName = sanitizeNameForSageMaker(`pipelines-${executionId}-${name}`);
    const run = await runStep(backend, step, resolved.value as Record<string, unknown>, jobName, resolved.unresolved.length);
    if (run.status === 'Failed') problems.push(`Step '${name}' failed: ${run.failureReason}`);
    runs.set(name, run);
  }
  return { pipelineName: options.pipelineName, executionArn, order, runs, unresolved, problems, servedByMock: backend.servedByMock() };
}

async function runStep(
  backend: IntegrationBackend,
  step: PipelineStepDefinition,
  args: Record<string, unknown>,
  jobName: string,
  unresolvedCount: number,
): Promise<StepRun> {
  const base = { name: step.Name, type: step.Type, arguments: args, jobName };
  if (unresolvedCount > 0) {
    return { ...base, status: 'Failed', failureReason: `${unresolvedCount} of its references did not resolve, so its job could not be started` };
  }
  const vocabulary = stepTypeVocabulary(step.Type);
  if (!vocabulary) return { ...base, status: 'Failed', failureReason: `a dry run cannot execute a '${step.Type}' step: SageMaker has no such step type` };
  try {
    await backend.createJob(vocabulary.stepType, { ...args, [vocabulary.jobNameMember]: jobName });
    const response = await backend.describeJob(vocabulary.stepType, jobName);
    return { ...base, status: 'Succeeded', response };
  } catch (error) {
    return { ...base, status: 'Failed', failureReason: `the backend refused ${vocabulary.createOperation}: ${errorMessage(error)}` };
  }
}
