import { processingAdapter } from '@stepscore/sagemaker';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { problemsPerScenario } from './scenario-judgement.js';

/** The OutputName a Processing property path reads, e.g. `properties.ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri` → x. */
export function outputNameInPath(propertyPath: string): string | undefined {
  return /ProcessingOutputConfig\.Outputs\[['"]([^'"]+)['"]\]/.exec(propertyPath)?.[1];
}

export const processingOutputNames = defineCheck({
  id: 'level3.processing_output_names',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Processing'],
  title: "Every output the spec reads from ProcessingOutputConfig.Outputs['<name>'] is an output of that name in the request",
  async run(ctx) {
    await ctx.step();
    const wanted = ctx.registration.spec.outputs.flatMap((o) => {
      const name = outputNameInPath(o.propertyPath);
      return name === undefined ? [] : [{ logical: o.logicalName, name }];
    });
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const names = processingAdapter.outputs(s.step.Arguments).map((o) => o.name);
      return wanted
        .filter((w) => !names.includes(w.name))
        .map(
          (w) =>
            `output '${w.logical}' is read at Outputs['${w.name}'], but the request's outputs are named ${names.map((n) => `'${n}'`).join(', ') || '(none)'}`,
        );
    });
    return outcomeFromProblems(
      problems,
      `${wanted.length} spec output(s) named in the request in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
