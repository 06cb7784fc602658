import { isPipelineExpression, isStepTypeName, type StepTypeName } from '@stepscore/sagemaker';
import type { StepBuilderBase } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';
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

type ResultKind = 'location' | 'list' | 'record';

/**
 * What getInputs and getOutputs give for each step type: Training channels and an S3 location; Processing inputs and
 * outputs as lists; Transform its inputs by name and an S3 location; CreateModel its model data and its outputs' references.
 */
const RESULT_KINDS: Readonly<Record<StepTypeName, { readonly inputs: ResultKind; readonly outputs: ResultKind }>> = {
  Training: { inputs: 'list', outputs: 'location' },
  Processing: { inputs: 'list', outputs: 'list' },
  Transform: { inputs: 'record', outputs: 'location' },
  CreateModel: { inputs: 'location', outputs: 'record' },
};

const KIND_WORDS: Readonly<Record<ResultKind, string>> = {
  location: 'an S3 location (a string or a pipeline expression)',
  list: 'an array',
  record: 'an object',
};

function isKind(value: unknown, kind: ResultKind | undefined): boolean {
  if (kind === 'location') return typeof value === 'string' || isPipelineExpression(value);
  if (kind === 'list') return Array.isArray(value);
  if (kind === 'record') return isPlainRecord(value) && !isPipelineExpression(value);
  return value !== undefined && value !== null && !(value instanceof Promise);
}

function kindVerdict(call: string, kind: ResultKind | undefined, value: unknown, resolve: boolean): Verdict {
  if (isKind(value, kind)) return undefined;
  const wanted = kind === undefined ? 'a value' : KIND_WORDS[kind];
  return `${call} must ${resolve ? 'resolve to' : 'return'} ${wanted}, got ${describeType(value)}`;
}

function propertyPathVerdict(output: string, value: unknown): Verdict {
  return typeof value === 'string' && value.length > 0
    ? undefined
    : `getPropertyPath('${output}') must return the output's property path as a string, got ${describeType(value)}`;
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
    const stepType = ctx.registration.stepType;
    const kinds = isStepTypeName(stepType) ? RESULT_KINDS[stepType] : undefined;
    const verdicts = [
      judge('getStepName()', () => builder.getStepName(), stepNameVerdict),
      judge('getEnvironmentVariables()', () => builder.getEnvironmentVariables(), environmentVerdict),
      judge('getJobArguments()', () => builder.getJobArguments(), jobArgumentsVerdict),
      judge('getOutputs({})', () => builder.getOutputs({}), (v) => kindVerdict('getOutputs({})', kinds?.outputs, v, false)),
      firstOutput === undefined
        ? undefined
        : judge(`getPropertyPath('${firstOutput}')`, () => builder.getPropertyPath(firstOutput), (v) => propertyPathVerdict(firstOutput, v)),
      await judgeResolved('getInputs(<mock inputs>)', () => builder.getInputs(inputs), (v) => kindVerdict('getInputs(<mock inputs>)', kinds?.inputs, v, true)),
    ];
    const problems = verdicts.filter((v): v is string => v !== undefined);
    return outcomeFromProblems(problems, 'getStepName, getEnvironmentVariables, getJobArguments, getOutputs, getPropertyPath and getInputs return the right types');
  },
});
