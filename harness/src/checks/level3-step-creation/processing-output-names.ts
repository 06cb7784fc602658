import { processingAdapter } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { problemsPerScenario } from './scenario-judgement.js';

/** The OutputName a Processing property path reads, e.g. `properties.ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri` → x. */
export function outputNameInPath(propertyPath: string): string | undefined {
  return /ProcessingOutputConfig\.Outputs\[['"]([^'"]+)['"]\]/.exec(propertyPath)?.[1];
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * What is wrong with the step's PropertyFiles: SageMaker reads each one from the named output's local folder after
 * the job (`<output's LocalPath>/<FilePath>`), and a condition step reads it by its name (`JsonGet`), so each needs a
 * name of its own, an OutputName that is one of the request's outputs, and a relative file path.
 */
export function propertyFileProblems(step: Readonly<Record<string, unknown>>, outputNames: readonly string[]): string[] {
  const files = step['PropertyFiles'];
  if (files === undefined) return [];
  if (!Array.isArray(files)) return [`PropertyFiles is ${JSON.stringify(files)}, not a list`];
  const problems: string[] = [];
  const seen = new Set<string>();
  files.forEach((file: unknown, i) => {
    const at = `PropertyFiles[${i}]`;
    if (!isPlainRecord(file)) {
      problems.push(`${at} is ${JSON.stringify(file)}, not a property file`);
      return;
    }
    const { PropertyFileName: name, OutputName: output, FilePath: path } = file;
    if (!nonEmpty(name)) problems.push(`${at} has no PropertyFileName, so no condition step can read it (JsonGet names it)`);
    else if (seen.has(name)) problems.push(`${at} is named '${name}' like another property file of the step`);
    else seen.add(name);
    if (!nonEmpty(output) || !outputNames.includes(output)) {
      problems.push(
        `${at} reads output ${JSON.stringify(output)}, but the request's outputs are named ${outputNames.map((n) => `'${n}'`).join(', ') || '(none)'}`,
      );
    }
    if (!nonEmpty(path) || path.startsWith('/')) {
      problems.push(`${at} has FilePath ${JSON.stringify(path)}: it must name a file inside its output's folder (a relative path)`);
    }
  });
  return problems;
}

function scenarioProblems(s: CreatedScenario, wanted: readonly { logical: string; name: string }[]): string[] {
  const names = processingAdapter.outputs(s.step.Arguments).map((o) => o.name);
  const unnamed = wanted
    .filter((w) => !names.includes(w.name))
    .map(
      (w) => `output '${w.logical}' is read at Outputs['${w.name}'], but the request's outputs are named ${names.map((n) => `'${n}'`).join(', ') || '(none)'}`,
    );
  return [...unnamed, ...propertyFileProblems(s.step as unknown as Record<string, unknown>, names)];
}

export const processingOutputNames = defineCheck({
  id: 'level3.processing_output_names',
  level: 3,
  severity: 'blocker',
  appliesTo: ['Processing'],
  title:
    "Every output the spec reads from ProcessingOutputConfig.Outputs['<name>'] is an output of that name in the request, and every PropertyFile names one of them, with a name and a relative file path",
  async run(ctx) {
    await ctx.step();
    const wanted = ctx.registration.spec.outputs.flatMap((o) => {
      const name = outputNameInPath(o.propertyPath);
      return name === undefined ? [] : [{ logical: o.logicalName, name }];
    });
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => scenarioProblems(s, wanted));
    return outcomeFromProblems(
      problems,
      `${wanted.length} spec output(s) named in the request in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
