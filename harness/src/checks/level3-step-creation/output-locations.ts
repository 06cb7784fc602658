import type { AdapterOutput } from '@stepscore/sagemaker';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { findExpressions, getsIn } from '../../simulator/pipeline-expressions.js';
import {
  adapterOf,
  configuredS3Locations,
  hasEmptyS3Segment,
  isAtOrBelow,
  isString,
  leafValuesIn,
  problemsPerScenario,
  stringsIn,
} from './scenario-judgement.js';

/** Values that differ from one pipeline execution to the next. */
const PER_EXECUTION = /^Execution\./;

/**
 * An S3 location the builder joins at run time (`Std:Join` on '/' from a literal `s3:` start) with an empty part after
 * its start: the joined key has an empty segment, or ends in '/' where a name was to be.
 */
function emptyJoinedParts(args: unknown): string[] {
  return findExpressions(args).flatMap(({ at, expression }) => {
    if (!('Std:Join' in expression)) return [];
    const { On: on, Values: values } = expression['Std:Join'] as { On?: unknown; Values?: unknown };
    if (on !== '/' || !Array.isArray(values) || typeof values[0] !== 'string' || !values[0].startsWith('s3:')) return [];
    const empty = values.findIndex((v, i) => i > 0 && v === '');
    return empty === -1 ? [] : [`${at} joins an empty part (Values[${empty}]) into an S3 location, so its key has an empty segment where a name was to be`];
  });
}

/**
 * Where the builder itself chose an output's location, SageMaker writes exactly there (a training job's
 * OutputDataConfig is the exception: the job's name is appended), so the location must differ per execution and
 * per step, or executions and steps of this builder overwrite each other's outputs.
 */
function sharedDestinations(scenario: CreatedScenario, outputs: readonly AdapterOutput[], configured: readonly string[]): string[] {
  const found: string[] = [];
  for (const output of outputs) {
    const destination = output.destination;
    if (destination === undefined || output.requestPath === 'OutputDataConfig') continue;
    const gets = getsIn(destination);
    // A pipeline parameter, or an upstream step's property, is chosen by whoever runs or wires the pipeline.
    if (gets.some((g) => !PER_EXECUTION.test(g))) continue;
    const literals = leafValuesIn(destination, isString);
    if (configured.some((c) => literals.some((l) => isAtOrBelow(l, c)))) continue;
    const shown = typeof destination === 'string' ? destination : JSON.stringify(destination);
    if (!gets.some((g) => PER_EXECUTION.test(g))) {
      found.push(`${output.requestPath} (output '${output.name}') goes to ${shown} in every execution, so each execution overwrites the previous one's output`);
    }
    // Checkpoints are judged per execution only: a training builder's default checkpoint location lies below its
    // output path, which SageMaker makes per job by appending the job's name to outputs, not to checkpoints; two
    // steps of one training builder sharing a checkpoint location is left unjudged here.
    if (output.requestPath !== 'CheckpointConfig' && !literals.some((l) => l.includes(scenario.step.Name))) {
      found.push(
        `${output.requestPath} (output '${output.name}') goes to ${shown}, which does not depend on the step's name, so two steps of this builder in one pipeline would overwrite each other's output`,
      );
    }
  }
  return found;
}

export const outputLocations = defineCheck({
  id: 'level3.output_locations',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title:
    'S3 locations are well formed (no empty key segment); distinct outputs go to distinct locations, and those the builder chooses differ per execution and per step',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s) => {
      const found: string[] = [];
      for (const { path, value } of stringsIn(s.step.Arguments)) {
        if (hasEmptyS3Segment(value)) found.push(`${path} is ${value}: its key has an empty segment ('//'), so it is not where the step's readers look`);
      }
      found.push(...emptyJoinedParts(s.step.Arguments));
      const outputs = adapter.outputs(s.step.Arguments);
      const byDestination = new Map<string, string[]>();
      for (const output of outputs) {
        if (output.destination === undefined || output.requestPath === 'OutputDataConfig') continue;
        const key = JSON.stringify(output.destination).replace(/\/+"$/, '"');
        byDestination.set(key, [...(byDestination.get(key) ?? []), output.name]);
      }
      for (const [destination, names] of byDestination) {
        if (names.length > 1) found.push(`outputs ${names.join(', ')} all go to ${destination}, so each overwrites the others`);
      }
      found.push(...sharedDestinations(s, outputs, configuredS3Locations(s, ctx.registration.configSchema)));
      return found;
    });
    return outcomeFromProblems(
      problems,
      `S3 locations well formed and distinct in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
