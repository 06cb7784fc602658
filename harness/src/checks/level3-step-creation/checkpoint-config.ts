import { defineCheck, fail, notApplicable } from '../../check/check-definition.js';
import { builderOutcome } from './builder-outcome.js';
import { argumentAt, isPipelineExpression, isRecord, show } from './step-arguments.js';

const CHECKPOINT_DIR_VARIABLE = 'SM_CHECKPOINT_DIR';
/** Where SageMaker syncs checkpoints from when CheckpointConfig.LocalPath is left out. */
const SAGEMAKER_DEFAULT_CHECKPOINT_DIR = '/opt/ml/checkpoints';

export const checkpointConfig = defineCheck({
  id: 'level3.checkpoint_config',
  level: 3,
  severity: 'major',
  importance: 1.0,
  appliesTo: ['Training'],
  title: 'Checkpoints are synced from the directory the script writes them to',
  async run(ctx) {
    const builder = ctx.builder();
    const step = await ctx.step();
    const checkpoint = argumentAt(step, 'CheckpointConfig');
    if (checkpoint === undefined) return notApplicable(`${ctx.registration.stepName}'s step sends no CheckpointConfig`);
    if (!isRecord(checkpoint)) return fail(`${ctx.registration.stepName}: CheckpointConfig is ${show(checkpoint)}; it must be an object`);
    const problems: string[] = [];
    const s3Uri = checkpoint['S3Uri'];
    if (!(typeof s3Uri === 'string' && /^s3:\/\/[^/]+\/.+/.test(s3Uri)) && !isPipelineExpression(s3Uri)) {
      problems.push(`CheckpointConfig.S3Uri is ${show(s3Uri)}; it must be an s3://bucket/key URI`);
    }
    const scriptDir = builder.getEnvironmentVariables()[CHECKPOINT_DIR_VARIABLE];
    const localPath = checkpoint['LocalPath'] ?? SAGEMAKER_DEFAULT_CHECKPOINT_DIR;
    if (scriptDir !== undefined && localPath !== scriptDir) {
      problems.push(
        `CheckpointConfig.LocalPath is ${show(localPath)}${checkpoint['LocalPath'] === undefined ? " (SageMaker's default)" : ''}, ` +
          `but the script writes checkpoints to ${CHECKPOINT_DIR_VARIABLE}=${show(scriptDir)}, so they would never be synced to S3`,
      );
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `checkpoints synced from ${String(localPath)} to ${show(s3Uri)}`,
    );
  },
});
