// The steps of the SDK-generated pipeline fixtures (SageMaker Python SDK v2.257.6, run offline).

import { readFileSync } from 'node:fs';

export interface FixtureStep {
  readonly Name: string;
  readonly Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: SDK fixture JSON, navigated freely by the tests that read it
  readonly Arguments: Record<string, any>;
}

interface PipelineFixture {
  readonly definition: { readonly Steps: readonly FixtureStep[] };
}

export const SDK_PIPELINE_FIXTURES = [
  'sdk_pytorch_basic.json',
  'sdk_xgboost_framework.json',
  'sdk_processing_sklearn_tabular.json',
  'sdk_processing_framework_xgboost_eval.json',
  'sdk_model_pytorch.json',
  'sdk_transform_batch.json',
] as const;

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Every step of every SDK fixture, as [`<file> <step name>`, step]. */
export function sdkSteps(): (readonly [string, FixtureStep])[] {
  return SDK_PIPELINE_FIXTURES.flatMap((file) => readFixture<PipelineFixture>(file).definition.Steps.map((step) => [`${file} ${step.Name}`, step] as const));
}

/** A fresh copy of one step's Arguments, to break in a test. */
// biome-ignore lint/suspicious/noExplicitAny: SDK fixture JSON, navigated freely by the tests that read it
export function sdkArguments(file: (typeof SDK_PIPELINE_FIXTURES)[number], stepName: string): Record<string, any> {
  const step = readFixture<PipelineFixture>(file).definition.Steps.find((candidate) => candidate.Name === stepName);
  if (step === undefined) throw new Error(`${stepName} is not a step of ${file}`);
  return step.Arguments;
}
