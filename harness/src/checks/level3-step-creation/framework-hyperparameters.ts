import { pythonJsonDumps } from '@stepscore/sagemaker';
import type { TrainingConfig } from '@stepscore/step-builder';
import { defineCheck, fail } from '../../check/check-definition.js';
import { builderOutcome } from './builder-outcome.js';
import { argumentAt, isRecord, show } from './step-arguments.js';

/** Python's logging.INFO: the container log level the SDK's framework estimators send by default. */
const SDK_CONTAINER_LOG_LEVEL = 20;

/** The `sagemaker_*` hyperparameters the SageMaker Python SDK's framework estimators add, each value json.dumps'ed. */
export function expectedFrameworkHyperparameters(settings: { entryPoint: string; sourceDir: string; region: string }): Record<string, string> {
  return {
    sagemaker_program: pythonJsonDumps(settings.entryPoint),
    sagemaker_submit_directory: pythonJsonDumps(settings.sourceDir),
    sagemaker_container_log_level: pythonJsonDumps(SDK_CONTAINER_LOG_LEVEL),
    sagemaker_region: pythonJsonDumps(settings.region),
  };
}

export const frameworkHyperparameters = defineCheck({
  id: 'level3.framework_hyperparameters',
  level: 3,
  severity: 'blocker',
  importance: 1.2,
  appliesTo: ['Training'],
  title: 'The framework hyperparameters (sagemaker_program, ...) are sent as the SageMaker Python SDK sends them',
  async run(ctx) {
    const step = await ctx.step();
    const config = ctx.config() as TrainingConfig;
    const expected = expectedFrameworkHyperparameters({ entryPoint: config.training_entry_point, sourceDir: config.source_dir, region: config.aws_region });
    const hyperparameters = argumentAt(step, 'HyperParameters');
    if (!isRecord(hyperparameters)) {
      return fail(`${ctx.registration.stepName}: HyperParameters is ${show(hyperparameters)}; the framework container needs ${Object.keys(expected).join(', ')} there`);
    }
    const problems = Object.entries(expected)
      .filter(([name, value]) => hyperparameters[name] !== value)
      .map(([name, value]) =>
        hyperparameters[name] === undefined
          ? `HyperParameters.${name} is missing; the SDK sends ${show(value)}`
          : `HyperParameters.${name} is ${show(hyperparameters[name])}, but the SDK sends ${show(value)}`,
      );
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `sagemaker_program ${expected['sagemaker_program']}, sagemaker_submit_directory, sagemaker_container_log_level and sagemaker_region as the SDK sends them`,
    );
  },
});
