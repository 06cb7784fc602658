import { isPipelineExpression } from '@stepscore/sagemaker';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { adapterOf, literalText, problemsPerScenario } from './scenario-judgement.js';

/** SageMaker's framework containers download and unpack a gzipped tarball from S3 before they run the entry point. */
const TARBALL = /^s3:\/\/[^/]+\/.+\.tar\.gz$/;

export const sourceLocation = defineCheck({
  id: 'level3.source_location',
  level: 3,
  severity: 'major',
  appliesTo: ['Training'],
  title: 'The code location the framework container downloads is something it can unpack (an s3:// .tar.gz)',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
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
    });
    return outcomeFromProblems(
      problems,
      `code locations are s3:// tarballs in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
