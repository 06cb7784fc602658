import { type ConstraintViolation, isStepTypeName, STEP_TYPES, validateStepArguments, validateStepName } from '@stepscore/sagemaker';
import type { PipelineStepDefinition } from '@stepscore/step-builder';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { declaredParameters } from '../../scenarios/derive-scenarios.js';
import { getsIn } from '../../simulator/pipeline-expressions.js';
import { problemsPerScenario } from './scenario-judgement.js';

function describeViolation(violation: ConstraintViolation): string {
  const path = violation.path === '' ? 'the request' : violation.path;
  return violation.message.includes(path) ? violation.message : `${path}: ${violation.message}`;
}

/** What SageMaker would refuse in one step: its Type, its Name, and its Arguments against the service model. */
export function serviceModelProblems(stepType: string, step: PipelineStepDefinition): string[] {
  if (!isStepTypeName(stepType)) return [`'${stepType}' is not a SageMaker step type`];
  const vocabulary = STEP_TYPES[stepType];
  const problems: string[] = [];
  if (step.Type !== vocabulary.pipelineType)
    problems.push(`the step's Type is '${String(step.Type)}'; a ${stepType} step must have Type '${vocabulary.pipelineType}'`);
  problems.push(...validateStepName(step.Name).map(describeViolation));
  problems.push(...validateStepArguments(stepType, step.Arguments).map((v) => `${vocabulary.requestShape}: ${describeViolation(v)}`));
  return problems;
}

/** A step may refer only to the pipeline parameters its scenario declares (none, unless the config used some). */
function undeclaredParameters(scenario: CreatedScenario): string[] {
  const declared = declaredParameters(scenario.plan.changed);
  const used = new Set(referencedParameters(scenario.step));
  return [...used]
    .filter((name) => !declared.has(name))
    .map((name) => `the step refers to pipeline parameter '${name}', which the pipeline does not declare (declared: ${[...declared].join(', ') || 'none'})`);
}

function referencedParameters(value: unknown): string[] {
  return getsIn(value)
    .filter((get) => get.startsWith('Parameters.'))
    .map((get) => get.slice('Parameters.'.length));
}

export const requestMeetsServiceModel = defineCheck({
  id: 'level3.request_meets_service_model',
  level: 3,
  severity: 'blocker',
  appliesTo: 'all',
  title: "Every scenario's request meets the SageMaker service model at every depth (lengths, patterns, ranges, enums, limits)",
  async run(ctx) {
    await ctx.step();
    const scenarios = await ctx.createdScenarios();
    const stepType = ctx.registration.stepType;
    const problems = problemsPerScenario(scenarios, (s) => [...serviceModelProblems(stepType, s.step), ...undeclaredParameters(s)]);
    return outcomeFromProblems(
      problems,
      `${scenarios.length} scenario request(s) meet every ${isStepTypeName(stepType) ? STEP_TYPES[stepType].requestShape : stepType} constraint`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
