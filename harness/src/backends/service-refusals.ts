import { STEP_TYPES, stepTypeVocabulary, type StepTypeName, validateStepArguments } from '@stepscore/sagemaker';
import type { PipelineDefinition } from '@stepscore/step-builder';
import { propertyReferenceProblems } from '../simulator/property-reference-problems.js';

const KNOWN_TYPES = Object.values(STEP_TYPES).map((v) => v.pipelineType);
const VIOLATIONS_SHOWN = 5;

/** A refusal as SageMaker sends it: the SDK error name and its message. */
export function validationException(message: string): Error {
  return Object.assign(new Error(message), { name: 'ValidationException' });
}

function violationsOf(stepType: string, args: unknown, where: string): string[] {
  const type = stepTypeVocabulary(stepType)?.stepType;
  if (type === undefined) return [`${where} has step type '${stepType}', which SageMaker does not know`];
  const violations = validateStepArguments(type, args);
  if (violations.length === 0) return [];
  const shown = violations.slice(0, VIOLATIONS_SHOWN).map((v) => v.message);
  const more = violations.length > VIOLATIONS_SHOWN ? ` and ${violations.length - VIOLATIONS_SHOWN} more` : '';
  return [`${where} breaks the service model: ${shown.join('; ')}${more}`];
}

/**
 * Why SageMaker would refuse this CreatePipeline definition: not JSON, no list of steps, duplicate step
 * names, a step type it does not know, Arguments that break the service model of the step type's request,
 * a `DependsOn` naming a step that is not there, or a `Get` to a step that is not there or a property its
 * response does not have. Empty when it accepts it.
 */
export function pipelineDefinitionRefusals(definition: string): string[] {
  let found = recentRefusals.get(definition);
  if (!found) {
    found = refusalsOf(definition);
    // The round-trip check and the dry run send the same definition one after the other.
    if (recentRefusals.size >= RECENT_KEPT) recentRefusals.delete(recentRefusals.keys().next().value as string);
    recentRefusals.set(definition, found);
  }
  return [...found];
}

const RECENT_KEPT = 4;
const recentRefusals = new Map<string, readonly string[]>();

function refusalsOf(definition: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (error) {
    return [`PipelineDefinition is not JSON: ${(error as Error).message}`];
  }
  const steps = (parsed as { Steps?: unknown } | null)?.Steps;
  if (!Array.isArray(steps)) return ['PipelineDefinition has no Steps list'];
  const problems: string[] = [];
  const seen = new Set<string>();
  const names = new Set((steps as Record<string, unknown>[]).map((step) => step?.['Name']).filter((name) => typeof name === 'string'));
  for (const [i, step] of (steps as Record<string, unknown>[]).entries()) {
    const name = typeof step?.['Name'] === 'string' ? step['Name'] : undefined;
    if (name === undefined) {
      problems.push(`Steps[${i}] has no Name`);
      continue;
    }
    if (seen.has(name)) problems.push(`Step name '${name}' is used by more than one step`);
    seen.add(name);
    const type = String(step['Type']);
    if (!stepTypeVocabulary(type)) {
      problems.push(`Step '${name}' has Type '${type}', which is not a step type (${KNOWN_TYPES.join(', ')})`);
      continue;
    }
    problems.push(...violationsOf(type, step['Arguments'], `Step '${name}' Arguments`));
    problems.push(...dependsOnProblems(name, step['DependsOn'], names));
  }
  if (problems.length > 0) return problems;
  return propertyReferenceProblems(parsed as PipelineDefinition, { requireEarlierSteps: false });
}

/** A `DependsOn` must be a list of the names of other steps of the same pipeline. */
function dependsOnProblems(name: string, dependsOn: unknown, names: ReadonlySet<unknown>): string[] {
  if (dependsOn === undefined) return [];
  if (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string')) return [`Step '${name}' has a DependsOn that is not a list of step names`];
  return dependsOn.flatMap((d: string) =>
    d === name ? [`Step '${name}' depends on itself`] : names.has(d) ? [] : [`Step '${name}' DependsOn '${d}', which is not a step of the pipeline`],
  );
}

/** Why SageMaker would refuse this create request for a job (or model) of the step type. */
export function jobRequestRefusals(stepType: StepTypeName, request: Record<string, unknown>): string[] {
  const vocabulary = STEP_TYPES[stepType];
  const name = request[vocabulary.jobNameMember];
  const problems = typeof name === 'string' && name.length > 0 ? [] : [`${vocabulary.createOperation} needs ${vocabulary.jobNameMember}`];
  return [...problems, ...violationsOf(stepType, request, `${vocabulary.createOperation} request`)];
}
