import { isStepTypeName, type StepTypeName } from '@stepscore/sagemaker';
import type { CheckDefinition } from '../check/check-definition.js';
import { ALL_CHECKS } from '../checks/index.js';
import { type Profile, REQUEST_VALIDITY_CHECK } from './profile.js';
import { createModelProfile } from './create-model.js';
import { processingProfile } from './processing.js';
import { trainingProfile } from './training.js';
import { transformProfile } from './transform.js';

export const PROFILES: Readonly<Record<StepTypeName, Profile>> = {
  Training: trainingProfile,
  Processing: processingProfile,
  Transform: transformProfile,
  CreateModel: createModelProfile,
};

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Why a profile cannot be trusted with these checks: each reason a sentence; [] when it can. */
export function profileProblems(profile: Profile, checks: readonly CheckDefinition[]): string[] {
  const problems: string[] = [];
  if (!(REQUEST_VALIDITY_CHECK in profile.checks))
    problems.push(`the ${profile.stepType} profile lacks ${REQUEST_VALIDITY_CHECK}, so nothing would say whether SageMaker accepts the request`);
  for (const [id, importance] of Object.entries(profile.checks)) {
    const check = checks.find((c) => c.id === id);
    if (!check) problems.push(`the ${profile.stepType} profile names '${id}', which is no check`);
    else if (check.appliesTo !== 'all' && !(check.appliesTo as readonly string[]).includes(profile.stepType))
      problems.push(`the ${profile.stepType} profile names '${id}', which does not apply to ${profile.stepType} steps`);
    if (!(Number.isFinite(importance) && importance > 0))
      problems.push(`the ${profile.stepType} profile gives '${id}' importance ${importance}; it must be a positive number`);
  }
  return problems;
}

/** The profile of a step type, checked against the checks it names. @throws ProfileError — a run fails closed. */
export function profileFor(stepType: string, checks: readonly CheckDefinition[]): Profile {
  const profile = isStepTypeName(stepType) ? PROFILES[stepType] : undefined;
  if (!profile)
    throw new ProfileError(`There is no profile for step type '${stepType}' (profiles: ${Object.keys(PROFILES).join(', ')}); its builder cannot be scored`);
  const problems = profileProblems(profile, [...new Set([...ALL_CHECKS, ...checks])]);
  if (problems.length > 0) throw new ProfileError(`The ${stepType} profile cannot be used: ${problems.join('; ')}`);
  return profile;
}

/**
 * The checks a builder of the profile's step type runs, in declaration order, with their importances: the profile's
 * own, then any other check (a team's own) that applies to the step type, at its declared importance.
 */
export function profileChecks(profile: Profile, checks: readonly CheckDefinition[]): { check: CheckDefinition; importance: number }[] {
  return checks.flatMap((check) => {
    const listed = profile.checks[check.id];
    if (listed !== undefined) return [{ check, importance: listed }];
    const applies = check.appliesTo === 'all' || (check.appliesTo as readonly string[]).includes(profile.stepType);
    // A check of the harness's own runs only where a profile lists it; a team's own check runs wherever it applies.
    return applies && !ALL_CHECKS.includes(check) ? [{ check, importance: check.importance ?? 1 }] : [];
  });
}

/** A check's importance for a builder of the step type: the profile's, else its own declared one, else 1. */
export function checkImportance(stepType: string, check: CheckDefinition): number {
  const profile = isStepTypeName(stepType) ? PROFILES[stepType] : undefined;
  return profile?.checks[check.id] ?? check.importance ?? 1;
}

/** The ids of the checks a builder of the step type runs, in order: what a full run of it reports. */
export function profileCheckIds(stepType: string, checks: readonly CheckDefinition[] = ALL_CHECKS): string[] {
  return profileChecks(profileFor(stepType, checks), checks).map(({ check }) => check.id);
}
