import { adapterFor, imageRepositoriesOf, imageRepository, stepTypeVocabulary } from '@stepscore/sagemaker';
import { capitalize } from '@stepscore/step-builder';
import { defineCheck, fail, outcomeFromProblems } from '../../check/check-definition.js';

/**
 * The registered framework names what the builder runs (reports and framework-specific checks read it): a name, and
 * for a framework the image tables know, an image from one of its repositories (a builder copied from another
 * framework's keeps the old name, or the old image).
 */
function frameworkProblems(framework: string, image: unknown): string[] {
  if (typeof framework !== 'string' || framework.trim() === '') return [`the registration names no framework (${JSON.stringify(framework)})`];
  const repositories = imageRepositoriesOf(framework);
  const repository = typeof image === 'string' ? imageRepository(image) : undefined;
  if (repositories === undefined || repository === undefined || repositories.includes(repository)) return [];
  return [
    `the builder is registered as framework '${framework}', but its image ${String(image)} is from repository '${repository}', not ${repositories.join(' or ')}`,
  ];
}

export const registryIntegration = defineCheck({
  id: 'level1.registry_integration',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: "getStepName() gives the registered step name, the step's Type is its registered step type's, and its image is its registered framework's",
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
    problems.push(...frameworkProblems(ctx.registration.framework, adapterFor(stepType)?.image(step.Arguments)));
    return outcomeFromProblems(problems, `getStepName() gives '${expectedStepName}' and the step's Type is '${vocabulary.pipelineType}' (${stepType})`);
  },
});
