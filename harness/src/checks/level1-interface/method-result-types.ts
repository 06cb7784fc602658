import type { StepBuilderBase } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../error-message.js';
import { describeType } from './describe-type.js';

type Verdict = string | undefined;

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Promise);

function stepNameVerdict(value: unknown): Verdict {
  return typeof value === 'string' && value.length > 0 ? undefined : `getStepName() must return a non-empty string, got ${describeType(value)}`;
}

function environmentVerdict(value: unknown): Verdict {
  if (!isPlainRecord(value)) return `getEnvironmentVariables() must return an object of string to string, got ${describeType(value)}`;
  const bad = Object.entries(value).filter(([, v]) => typeof v !== 'string');
  if (bad.length === 0) return undefined;
  return `getEnvironmentVariables() must map names to strings, but ${bad.map(([k, v]) => `${k} is ${describeType(v)}`).join(', ')}`;
}

function jobArgumentsVerdict(value: unknown): Verdict {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return `getJobArguments() must return undefined or a string array, got ${describeType(value)}`;
  const bad = value.map((item: unknown, i) => [i, item] as const).filter(([, item]) => typeof item !== 'string');
  if (bad.length === 0) return undefined;
  return `getJobArguments() must return strings only, but item ${bad.map(([i, item]) => `${i} is ${describeType(item)}`).join(', item ')}`;
}

// What getInputs and getOutputs return is the step type's own (channels, ProcessingInputs, a TransformInput, a model
// data location): the request checks judge it; here it must at least be something.
function outputsVerdict(value: unknown): Verdict {
  return value === undefined || value === null ? `getOutputs({}) must return the step's outputs, got ${describeType(value)}` : undefined;
}

function propertyPathVerdict(output: string, value: unknown): Verdict {
  return typeof value === 'string' && value.length > 0
    ? undefined
    : `getPropertyPath('${output}') must return the output's property path as a string, got ${describeType(value)}`;
}

function inputsVerdict(value: unknown): Verdict {
  return value === undefined || value === null ? `getInputs(<mock inputs>) must resolve to the step's inputs, got ${describeType(value)}` : undefined;
}

/** Calls one method; a throw becomes the problem, otherwise the verdict on what it returned (a Promise unawaited). */
function judge(method: string, call: () => unknown, verdict: (value: unknown) => Verdict): Verdict {
  try {
    return verdict(call());
  } catch (error) {
    return `${method} threw: ${errorMessage(error)}`;
  }
}

/** As `judge`, for a method that may be async: the verdict is on what it resolves to. */
async function judgeResolved(method: string, call: () => unknown, verdict: (value: unknown) => Verdict): Promise<Verdict> {
  try {
    return verdict(await call());
  } catch (error) {
    return `${method} threw: ${errorMessage(error)}`;
  }
}

export const methodResultTypes = defineCheck({
  id: 'level1.method_result_types',
  level: 1,
  severity: 'minor',
  appliesTo: 'all',
  title: "The builder's methods return values of the right types",
  async run(ctx) {
    const builder: StepBuilderBase = ctx.builder();
    const firstOutput: string | undefined = builder.spec.outputs.keys().next().value;
    const inputs = ctx.mockInputs();
    const verdicts = [
      judge('getStepName()', () => builder.getStepName(), stepNameVerdict),
      judge('getEnvironmentVariables()', () => builder.getEnvironmentVariables(), environmentVerdict),
      judge('getJobArguments()', () => builder.getJobArguments(), jobArgumentsVerdict),
      judge('getOutputs({})', () => builder.getOutputs({}), outputsVerdict),
      firstOutput === undefined
        ? undefined
        : judge(
            `getPropertyPath('${firstOutput}')`,
            () => builder.getPropertyPath(firstOutput),
            (v) => propertyPathVerdict(firstOutput, v),
          ),
      await judgeResolved('getInputs(<mock inputs>)', () => builder.getInputs(inputs), inputsVerdict),
    ];
    const problems = verdicts.filter((v): v is string => v !== undefined);
    return outcomeFromProblems(
      problems,
      'getStepName, getEnvironmentVariables, getJobArguments, getOutputs, getPropertyPath and getInputs return the right types',
    );
  },
});
