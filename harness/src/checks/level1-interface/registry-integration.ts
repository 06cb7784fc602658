import { stepTypeVocabulary } from '@stepscore/sagemaker';
import { capitalize } from '@stepscore/step-builder';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';

export const registryIntegration = defineCheck({
  id: 'level1.registry_integration',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: "getStepName() gives the registered step name, and the step's Type is its registered step type's",
  async run(ctx) {
    const { stepName, stepType } = ctx.registration;
    const vocabulary = stepTypeVocabulary(stepType);
    if (!vocabulary) return fail(`'${String(stepType)}' is not a SageMaker step type, so the step's Type cannot be judged`);
    const builder = ctx.builder();
    const problems: string[] = [];
    const jobType = (builder.config as { job_type?: unknown }).job_type;
    const expectedStepName = typeof jobType === 'string' && jobType !== '' ? `${stepName}-${capitalize(jobType)}` : stepName;
    const actual = builder.getStepName();
    if (actual !== expectedStepName) problems.push(`getStepName() returned '${actual}', but the builder is registered as '${expectedStepName}'`);
    const step = await ctx.step();
    if (step.Type !== vocabulary.pipelineType) {
      problems.push(
        `the step's Type is '${String(step.Type)}', but the builder is registered as a ${stepType} step, whose pipeline Type is '${vocabulary.pipelineType}'`,
      );
    }
    return outcomeFromProblems(problems, `getStepName() gives '${expectedStepName}' and the step's Type is '${vocabulary.pipelineType}' (${stepType})`);
  },
});
