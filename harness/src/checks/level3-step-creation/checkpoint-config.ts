import { TRAINING_DEFAULT_CHECKPOINT_DIR, trainingAdapter } from '@stepscore/sagemaker';
import { isUnderContainerPath } from '@stepscore/step-model';
import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { problemsPerScenario } from './scenario-judgement.js';

const CHECKPOINT_DIR_VARIABLE = 'SM_CHECKPOINT_DIR';

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
  if (!(typeof s3 === 'object' || (typeof s3 === 'string' && /^s3:\/\/[^/]+\/.+/.test(s3))))
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
