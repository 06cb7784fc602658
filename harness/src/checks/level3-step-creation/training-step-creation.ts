import { retrieveTrainingImageUri, type TrainingFramework } from '@stepscore/sagemaker';
import type { TrainingConfig } from '@stepscore/step-builder';
import { defineCheck, fail } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { argumentAt, show } from './step-arguments.js';

export const trainingStepCreation = defineCheck({
  id: 'level3.training_step_creation',
  level: 3,
  severity: 'major',
  importance: 1.4,
  appliesTo: ['Training'],
  title: 'Training job image, input mode, role, resources and stopping condition follow the config',
  async run(ctx) {
    const step = await ctx.step();
    const config = ctx.config() as TrainingConfig;
    let image: string;
    try {
      image = retrieveTrainingImageUri({
        framework: ctx.registration.framework as TrainingFramework,
        version: config.framework_version,
        pyVersion: config.py_version,
        instanceType: config.training_instance_type,
        region: config.aws_region,
      });
    } catch (error) {
      return fail(
        `No SageMaker training image exists for ${ctx.registration.stepName}'s config (framework ${ctx.registration.framework} ${config.framework_version}, ` +
          `${config.py_version}, ${config.training_instance_type}, ${config.aws_region}): ${errorMessage(error)}`,
      );
    }
    const expected: readonly (readonly [string, unknown, string])[] = [
      ['AlgorithmSpecification.TrainingImage', image, `the ${ctx.registration.framework} image for framework_version, py_version, training_instance_type and the region`],
      ['AlgorithmSpecification.TrainingInputMode', 'File', "what the SDK's framework estimators send"],
      ['RoleArn', config.role, 'config.role'],
      ['ResourceConfig.InstanceType', config.training_instance_type, 'config.training_instance_type'],
      ['ResourceConfig.InstanceCount', config.training_instance_count, 'config.training_instance_count'],
      ['ResourceConfig.VolumeSizeInGB', config.training_volume_size, 'config.training_volume_size'],
      ['StoppingCondition.MaxRuntimeInSeconds', config.max_runtime_in_seconds, 'config.max_runtime_in_seconds'],
    ];
    const problems = expected
      .filter(([path, value]) => argumentAt(step, path) !== value)
      .map(([path, value, source]) => `${path} is ${show(argumentAt(step, path))}, expected ${show(value)} (${source})`);
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `image ${image}, ${config.training_instance_count} x ${config.training_instance_type}, role and stopping condition from the config`,
    );
  },
});
