import { frameworkEstimatorDefaultsFor, trainingAdapter } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { problemsPerScenario } from './scenario-judgement.js';

/** Why the job counts as distributed for the SDK's debugger rule; undefined when it does not. */
function distributedBecause(args: unknown, alwaysHasDistribution: boolean, estimator: string): string | undefined {
  if (alwaysHasDistribution) return `${estimator} always has a distribution`;
  const count = trainingAdapter.resources(args)?.instanceCount;
  if (typeof count !== 'number') return `the instance count ${JSON.stringify(count)} is known only when the pipeline runs`;
  return count > 1 ? `it runs on ${count} instances` : undefined;
}

function debuggerProblems(s: CreatedScenario, alwaysHasDistribution: boolean, estimator: string): string[] {
  const args = s.step.Arguments as Record<string, unknown>;
  const checkpoint = args['CheckpointConfig'];
  if (!isPlainRecord(checkpoint) || checkpoint['S3Uri'] === undefined || checkpoint['LocalPath'] === undefined) return [];
  if (args['DebugHookConfig'] === undefined) return [];
  const why = distributedBecause(args, alwaysHasDistribution, estimator);
  if (why === undefined) return [];
  return [
    `CheckpointConfig syncs ${JSON.stringify(checkpoint['LocalPath'])} with S3 in a distributed job (${why}), yet DebugHookConfig is sent: ` +
      `SageMaker Debugger fails such jobs ("SMDebug Does Not Currently Support Distributed Training Jobs With Checkpointing Enabled"), and ${estimator} switches the hook off`,
  ];
}

export const debuggerWithCheckpoints = defineCheck({
  id: 'level3.debugger_with_checkpoints',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title:
    "A distributed framework training job that syncs checkpoints both ways (S3 and a local path) sends no debugger hook, as the SDK's estimator switches it off",
  async run(ctx) {
    const defaults = frameworkEstimatorDefaultsFor(ctx.registration.framework);
    if (defaults === undefined) return notApplicable(`no SDK estimator defaults listed for the framework '${ctx.registration.framework}'`);
    await ctx.step();
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => debuggerProblems(s, defaults.alwaysHasDistribution, defaults.estimator));
    return outcomeFromProblems(
      problems,
      `no debugger hook beside checkpoints synced both ways in a distributed job in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
