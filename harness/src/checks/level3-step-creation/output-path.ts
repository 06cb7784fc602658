import type { TrainingConfig } from '@stepscore/step-builder';
import { defineCheck } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
import { builderOutcome } from './builder-outcome.js';
import { probeStep } from './config-variants.js';
import { argumentAt, show } from './step-arguments.js';

const S3_URI = /^s3:\/\/[^/]+\/.+/;

/** An output location that differs from every default a builder could derive from the pipeline's S3 location. */
function probeOutputPath(config: TrainingConfig): string {
  return `s3://${config.bucket}/stepscore-probe/configured-output-path`;
}

function outputPathProblems(value: unknown, where: string): string[] {
  if (typeof value !== 'string') return [`${where} is ${show(value)}; it must be an S3 URI string`];
  const problems: string[] = [];
  if (!S3_URI.test(value)) problems.push(`${where} ${show(value)} is not an s3://bucket/key URI`);
  if (value.endsWith('/')) problems.push(`${where} ${show(value)} ends with '/'; SageMaker appends '/<job name>/output', so it must not`);
  return problems;
}

export const outputPath = defineCheck({
  id: 'level3.output_path',
  level: 3,
  severity: 'major',
  importance: 1.3,
  appliesTo: ['Training'],
  title: "The job's output path is under the pipeline's S3 location, or the configured output_path",
  async run(ctx) {
    const step = await ctx.step();
    const config = ctx.config() as TrainingConfig;
    const actual = argumentAt(step, 'OutputDataConfig.S3OutputPath');
    const problems = outputPathProblems(actual, 'OutputDataConfig.S3OutputPath');
    if (typeof actual === 'string') {
      if (config.output_path !== undefined) {
        const expected = config.output_path.replace(/\/+$/, '');
        if (actual !== expected) problems.push(`OutputDataConfig.S3OutputPath is ${show(actual)}, but config.output_path is ${show(config.output_path)}`);
      } else if (!actual.startsWith(`${config.pipeline_s3_loc}/`)) {
        problems.push(`OutputDataConfig.S3OutputPath ${show(actual)} is not under the pipeline's S3 location ${show(config.pipeline_s3_loc)}`);
      }
    }
    const debugHookPath = argumentAt(step, 'DebugHookConfig.S3OutputPath');
    if (debugHookPath !== undefined && debugHookPath !== actual) {
      problems.push(`DebugHookConfig.S3OutputPath ${show(debugHookPath)} differs from OutputDataConfig.S3OutputPath ${show(actual)}; the SDK writes both to the same place`);
    }

    const configured = probeOutputPath(config);
    try {
      const probe = await probeStep(ctx, { output_path: configured });
      const used = argumentAt(probe, 'OutputDataConfig.S3OutputPath');
      if (used !== configured) {
        problems.push(
          `with config.output_path '${configured}' the step's OutputDataConfig.S3OutputPath is ${show(used)}: ` +
            `the builder ignores the configured output_path`,
        );
      }
    } catch (error) {
      problems.push(`with config.output_path '${configured}' no step could be created: ${errorMessage(error)}`);
    }
    return builderOutcome(
      ctx.registration.stepName,
      problems,
      `S3OutputPath ${String(actual)}; a configured output_path is used`,
    );
  },
});
