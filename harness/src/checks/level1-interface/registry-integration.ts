import { capitalize, type SageMakerStepType } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

/** Every SageMaker pipeline step type a builder may be registered under (keeps pace with the type). */
const KNOWN_STEP_TYPES: Readonly<Record<SageMakerStepType, true>> = {
  Training: true,
  Processing: true,
  Transform: true,
  CreateModel: true,
  RegisterModel: true,
};

export const registryIntegration = defineCheck({
  id: 'level1.registry_integration',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: 'The builder is registered under its step name and a known SageMaker step type',
  run(ctx) {
    const { stepName, stepType, builderClass } = ctx.registration;
    const problems: string[] = [];
    if (!ctx.registry.has(stepName)) {
      problems.push(`The registry has no entry under the step name '${stepName}' (registered: ${ctx.registry.names().join(', ')})`);
    } else {
      const found = ctx.registry.get(stepName);
      if (found.builderClass !== builderClass) {
        problems.push(`The registry's '${stepName}' entry holds ${found.builderClass.name}, not ${builderClass.name}`);
      }
      if (found.stepType !== stepType) problems.push(`The registry's '${stepName}' entry has step type '${found.stepType}', not '${stepType}'`);
    }
    if (!Object.hasOwn(KNOWN_STEP_TYPES, stepType)) {
      problems.push(`Step type '${String(stepType)}' is not a known SageMaker step type (known: ${Object.keys(KNOWN_STEP_TYPES).join(', ')})`);
    }
    // Registration defects stand on their own; only a sound registration goes on to need the builder.
    if (problems.length > 0) return outcomeFromProblems(problems);
    const builder = ctx.builder();
    const jobType = (builder.config as { job_type?: string }).job_type;
    const expectedStepName = jobType ? `${stepName}-${capitalize(jobType)}` : stepName;
    const actual = builder.getStepName();
    if (actual !== expectedStepName) {
      problems.push(`getStepName() returned '${actual}', but the builder is registered as '${expectedStepName}'`);
    }
    return outcomeFromProblems(problems, `registered as '${stepName}' (${stepType}) and getStepName() agrees`);
  },
});
