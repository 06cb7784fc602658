import type { StepTypeName } from '@stepscore/sagemaker';

/** One step type's checks and their importances: the only place weights live. */
export interface Profile {
  readonly stepType: StepTypeName;
  /** Check id → importance within its level. */
  readonly checks: Readonly<Record<string, number>>;
}

/** The check every profile must hold: without it nothing says whether SageMaker would accept the request. */
export const REQUEST_VALIDITY_CHECK = 'level3.request_meets_service_model';

export function defineProfile(profile: Profile): Profile {
  return profile;
}
