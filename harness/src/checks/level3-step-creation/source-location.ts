import { isPipelineExpression, type StepTypeAdapter } from '@stepscore/sagemaker';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { adapterOf, literalText, problemsPerScenario } from './scenario-judgement.js';

/** SageMaker's framework containers download and unpack a gzipped tarball from S3 before they run the entry point. */
const TARBALL = /^s3:\/\/[^/]+\/.+\.tar\.gz$/;
/** Where SageMaker unpacks a model's artefacts in a serving container: code packed with the model lies below it. */
const MODEL_DIRECTORY = '/opt/ml/model';

/** A training job's code location: the `sagemaker_submit_directory` hyperparameter (read from the job's arguments). */
function trainingProblems(adapter: StepTypeAdapter, s: CreatedScenario): string[] {
  const args = adapter.jobArguments(s.step.Arguments);
  const at = args.indexOf('--sagemaker_submit_directory');
  if (at === -1) return [];
  const value = args[at + 1];
  if (isPipelineExpression(value)) return [];
  const text = literalText(value);
  if (text !== undefined && TARBALL.test(text)) return [];
  // With network isolation the code arrives through a channel: the location is where that channel mounts it.
  if (text?.endsWith('.tar.gz')) {
    const channel = adapter.inputs(s.step.Arguments).find((i) => i.containerPath !== undefined && text.startsWith(`${i.containerPath}/`));
    const source = channel && typeof channel.source === 'string' ? channel.source.replace(/\/+$/, '') : undefined;
    const object = source === undefined || source.endsWith('.tar.gz') ? source : `${source}/${text.slice(channel!.containerPath!.length + 1)}`;
    if (object !== undefined && TARBALL.test(object)) return [];
  }
  return [`sagemaker_submit_directory is ${JSON.stringify(value)}; the container can only unpack an s3:// location of a .tar.gz`];
}

/**
 * A model's inference code location: the serving container's `SAGEMAKER_SUBMIT_DIRECTORY`, an s3:// tarball it
 * downloads and unpacks, or a directory of the unpacked model artefacts (code packed into model.tar.gz).
 */
function modelProblems(adapter: StepTypeAdapter, s: CreatedScenario): string[] {
  const value = adapter.environment(s.step.Arguments)['SAGEMAKER_SUBMIT_DIRECTORY'];
  if (value === undefined || isPipelineExpression(value)) return [];
  const text = literalText(value);
  if (text !== undefined && TARBALL.test(text)) return [];
  const packedWithModel = text !== undefined && (text === MODEL_DIRECTORY || text.startsWith(`${MODEL_DIRECTORY}/`));
  if (packedWithModel && adapter.inputs(s.step.Arguments).length > 0) return [];
  return [
    `SAGEMAKER_SUBMIT_DIRECTORY is ${JSON.stringify(value)}; the serving container can only unpack an s3:// location of a .tar.gz, ` +
      `or read a directory of the model it unpacked (${MODEL_DIRECTORY}/…)`,
  ];
}

export const sourceLocation = defineCheck({
  id: 'level3.source_location',
  level: 3,
  severity: 'major',
  appliesTo: ['Training', 'CreateModel'],
  title: 'The code location the framework container downloads is something it can unpack (an s3:// .tar.gz)',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const judge = ctx.registration.stepType === 'CreateModel' ? modelProblems : trainingProblems;
    const problems = problemsPerScenario(scenarios, (s) => judge(adapter, s));
    return outcomeFromProblems(
      problems,
      `code locations are s3:// tarballs in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
