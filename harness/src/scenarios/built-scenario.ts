import type { BasePipelineConfig, PipelineStepDefinition, StepBuilderBase } from '@stepscore/step-builder';
import type { UploadedObject } from '../mocks/mocked-s3.js';
import type { ScenarioPlan } from './scenario.js';

/** How far a scenario got, and why it stopped. */
export type ScenarioFailure =
  | { readonly stage: 'config'; readonly message: string }
  | { readonly stage: 'construction'; readonly message: string }
  | { readonly stage: 'step_creation'; readonly message: string };

/** A scenario turned into a config, a builder and a step, once; what the checks judge. */
export interface BuiltScenario {
  readonly plan: ScenarioPlan;
  readonly config?: BasePipelineConfig;
  readonly builder?: StepBuilderBase;
  readonly step?: PipelineStepDefinition;
  readonly failure?: ScenarioFailure;
  /** Objects the builder wrote while creating this scenario's step. */
  readonly uploads: readonly UploadedObject[];
}

/** A scenario that produced its step. */
export type CreatedScenario = BuiltScenario & {
  readonly config: BasePipelineConfig;
  readonly builder: StepBuilderBase;
  readonly step: PipelineStepDefinition;
};

export function isCreated(scenario: BuiltScenario): scenario is CreatedScenario {
  return scenario.step !== undefined;
}
