import { TRAINING_DEFAULT_CHECKPOINT_DIR, trainingAdapter } from '@stepscore/sagemaker';
import { isUnderContainerPath } from '@stepscore/step-model';
import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { resolveExpressions } from '../../simulator/resolve-expressions.js';
import { hasEmptyS3Segment, problemsPerScenario } from './scenario-judgement.js';

const CHECKPOINT_DIR_VARIABLE = 'SM_CHECKPOINT_DIR';
/** Two pipeline executions the checkpoint location is worked out for. */
const EXECUTIONS = ['stepscore-execution-1', 'stepscore-execution-2'] as const;
const S3_LOCATION = /^s3:\/\/[^/]+\/.+/;

/** The location an expression stands for in one execution; undefined when it needs more than the execution id (a parameter, a step's property). */
function locationIn(execution: string, value: unknown): string | undefined {
  const resolved = resolveExpressions(value, (get) =>
    get === 'Execution.PipelineExecutionId' ? { ok: true, value: execution } : { ok: false, reason: 'known only when the pipeline runs' },
  );
  return resolved.unresolved.length === 0 && typeof resolved.value === 'string' ? resolved.value : undefined;
}

/**
 * A checkpoint location the builder works out (an expression, not a configured s3:// string): what it resolves to
 * must be an S3 location without empty key parts, and differ per execution — SageMaker copies the location into
 * the container when a job starts, so a shared one makes each execution resume from the last one's checkpoints.
 */
function derivedLocationProblems(s3: object): string[] {
  const [first, second] = EXECUTIONS.map((execution) => locationIn(execution, s3));
  if (first === undefined || second === undefined) return [];
  if (!S3_LOCATION.test(first) || hasEmptyS3Segment(first)) {
    return [
      `CheckpointConfig.S3Uri ${JSON.stringify(s3)} resolves to ${JSON.stringify(first)}, which is no s3://bucket/key location (or has an empty key part)`,
    ];
  }
  if (first === second)
    return [`CheckpointConfig.S3Uri resolves to ${first} in every pipeline execution, so each execution resumes from the previous one's checkpoints`];
  return [];
}

function checkpointProblems(scenario: CreatedScenario, contractDir: string | undefined, isDefault: boolean): string[] {
  const args = scenario.step.Arguments;
  const synced = trainingAdapter.outputs(args).find((o) => o.name === 'CheckpointConfig');
  const scriptDir = trainingAdapter.environment(args)[CHECKPOINT_DIR_VARIABLE];
  const wanted = typeof scriptDir === 'string' ? scriptDir : contractDir;
  if (!synced) {
    if (typeof scriptDir === 'string')
      return [`the script is told to write checkpoints to ${CHECKPOINT_DIR_VARIABLE}=${scriptDir}, but the request has no CheckpointConfig, so none reach S3`];
    if (isDefault && contractDir !== undefined)
      return [`the script contract writes checkpoints to ${contractDir}, but the request has no CheckpointConfig, so none reach S3`];
    return [];
  }
  const problems: string[] = [];
  if (wanted !== undefined && synced.containerPath !== wanted) {
    problems.push(
      `CheckpointConfig syncs ${synced.containerPath}${synced.containerPath === TRAINING_DEFAULT_CHECKPOINT_DIR ? " (SageMaker's default)" : ''}, ` +
        `but the script writes checkpoints to ${wanted}, so they would never reach S3`,
    );
  }
  const s3 = synced.destination;
  if (typeof s3 === 'object' && s3 !== null) problems.push(...derivedLocationProblems(s3));
  else if (!(typeof s3 === 'string' && S3_LOCATION.test(s3)))
    problems.push(`CheckpointConfig.S3Uri is ${JSON.stringify(s3)}; it must be an s3://bucket/key location`);
  return problems;
}

export const checkpointConfig = defineCheck({
  id: 'level3.checkpoint_config',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title: 'Checkpoints the script writes are synced to S3 from the directory it writes them to',
  async run(ctx) {
    await ctx.step();
    const contract = ctx.registration.contract;
    const contractDir =
      contract?.optionalEnvVars?.[CHECKPOINT_DIR_VARIABLE] ??
      Object.values(contract?.expectedOutputPaths ?? {}).find((p) => isUnderContainerPath(p, TRAINING_DEFAULT_CHECKPOINT_DIR));
    const declaresVariable = contract?.requiredEnvVars?.includes(CHECKPOINT_DIR_VARIABLE) ?? false;
    if (contractDir === undefined && !declaresVariable) {
      return notApplicable(
        `${ctx.registration.stepName}'s script contract declares no checkpoint directory (no ${CHECKPOINT_DIR_VARIABLE}, no output under ${TRAINING_DEFAULT_CHECKPOINT_DIR})`,
      );
    }
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => checkpointProblems(s, contractDir, s.plan.name === 'default'));
    return outcomeFromProblems(
      problems,
      `checkpoints synced from where the script writes them in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
