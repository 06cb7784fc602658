import { validateCreateTrainingJobRequest, validateStepName } from '@stepscore/sagemaker';
import { ConfigValidationError, type StepBuilderBase } from '@stepscore/step-builder';
import { defineCheck } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { probeBuilder, reparsedConfig } from './config-variants.js';
import { show } from './step-arguments.js';

const PROBE_JOB_TYPE = 'training';
const PROBE_JOB_TYPE_SUFFIX = '-Training';

function stepNameProblems(name: unknown, where: string): string[] {
  if (typeof name !== 'string' || name === '') return [`${where} is ${show(name)}; it must be a non-empty string`];
  return validateStepName(name).map((v) => `${where} ${show(name)} is not a legal pipeline step name (at most 64 of [A-Za-z0-9_-]): ${v.message}`);
}

function jobNameProblems(builder: StepBuilderBase, where: string): string[] {
  const jobName = builder.generateJobName();
  return validateCreateTrainingJobRequest({ TrainingJobName: jobName })
    .filter((v) => v.path === 'TrainingJobName')
    .map((v) => `${where}generateJobName() gave ${show(jobName)}, which is not a legal TrainingJobName (at most 63 characters of [a-zA-Z0-9](-*[a-zA-Z0-9])*): ${v.message}`);
}

export const stepNameGeneration = defineCheck({
  id: 'level3.step_name_generation',
  level: 3,
  severity: 'blocker',
  importance: 1.2,
  appliesTo: 'all',
  title: 'Step and job names are legal, and the job type is appended to the step name',
  async run(ctx) {
    const builder = ctx.builder();
    const step = await ctx.step();
    const problems = [...stepNameProblems(step.Name, 'the step Name')];
    const expected = builder.getStepName();
    if (step.Name !== expected) problems.push(`the step Name ${show(step.Name)} differs from getStepName() ${show(expected)}`);
    problems.push(...jobNameProblems(builder, ''));

    let jobTypeNote = `with job_type '${PROBE_JOB_TYPE}' the step is named`;
    try {
      const { builder: withJobType } = probeBuilder(ctx, reparsedConfig(ctx, { job_type: PROBE_JOB_TYPE }));
      const probeStep = await withJobType.createStep({ inputs: ctx.mockInputs() });
      const where = `with job_type '${PROBE_JOB_TYPE}',`;
      problems.push(...stepNameProblems(probeStep.Name, `${where} the step Name`));
      if (typeof probeStep.Name !== 'string' || !probeStep.Name.endsWith(PROBE_JOB_TYPE_SUFFIX)) {
        problems.push(`${where} the step Name is ${show(probeStep.Name)}; it must end with '${PROBE_JOB_TYPE_SUFFIX}' (the capitalised job type)`);
      }
      problems.push(...jobNameProblems(withJobType, `${where} `));
      jobTypeNote += ` '${String(probeStep.Name)}'`;
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) {
        problems.push(`with job_type '${PROBE_JOB_TYPE}' no step could be created: ${errorMessage(error)}`);
      } else if (error.issues.some((i) => i.field === '(config)' && i.message.includes("'job_type'"))) {
        jobTypeNote = `the config schema has no job_type field, so the job-type suffix was not probed`;
      } else {
        problems.push(`the config with job_type '${PROBE_JOB_TYPE}' was rejected: ${error.message}`);
      }
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `step Name '${step.Name}', job name '${builder.generateJobName()}'; ${jobTypeNote}`,
    );
  },
});
