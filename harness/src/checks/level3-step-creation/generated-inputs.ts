import type { AdapterInput, StepTypeAdapter } from '@stepscore/sagemaker';
import type { z } from 'zod';
import type { UploadedObject } from '../../mocks/mocked-s3.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { reads } from './inputs-mounted.js';
import { configuredS3Locations, isAtOrBelow } from './scenario-judgement.js';

/** An input of the request that reads neither a dependency nor a location of its own: the builder fills it itself. */
export interface GeneratedInput {
  readonly input: AdapterInput;
  readonly source: string;
  /** The location lies at or below an S3 location the user set in the config: its contents are the user's. */
  readonly chosenByUser: boolean;
  /** What the builder uploaded there before it returned the step. */
  readonly written: readonly UploadedObject[];
}

// Two checks judge the same scenarios' generated inputs: found once per scenario (its builder's adapter and config
// schema are the same for both).
const found = new WeakMap<CreatedScenario, readonly GeneratedInput[]>();

/** The scenario's inputs on S3 that no dependency feeds, with what the builder uploaded for each. */
export function generatedInputs(scenario: CreatedScenario, adapter: StepTypeAdapter, schema: z.ZodType): readonly GeneratedInput[] {
  let inputs = found.get(scenario);
  if (inputs === undefined) found.set(scenario, (inputs = findGeneratedInputs(scenario, adapter, schema)));
  return inputs;
}

function findGeneratedInputs(scenario: CreatedScenario, adapter: StepTypeAdapter, schema: z.ZodType): GeneratedInput[] {
  const given = Object.values(scenario.plan.inputs);
  const configured = configuredS3Locations(scenario, schema);
  const inputs: GeneratedInput[] = [];
  for (const input of adapter.inputs(scenario.step.Arguments)) {
    const source = input.source;
    if (typeof source !== 'string' || !source.startsWith('s3://')) continue;
    if (given.some((g) => reads(input, g))) continue;
    inputs.push({
      input,
      source,
      chosenByUser: configured.some((c) => isAtOrBelow(source, c)),
      written: scenario.uploads.filter((u) => isAtOrBelow(u.s3Uri, source)),
    });
  }
  return inputs;
}
