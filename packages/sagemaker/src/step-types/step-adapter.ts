// How the harness reads any step of a type, whatever builder emitted it.

import type { PipelineExpression } from '../pipeline-expression.js';
import type { StepTypeVocabulary } from './vocabulary.js';

/** A literal, or a value decided when the pipeline runs. */
export type StepValue = string | number | boolean | PipelineExpression;

/** Data the step reads: a training channel, a processing input, a transform input, or a model's artefacts. */
export interface AdapterInput {
  /**
   * Channel name (Training), InputName (Processing); `TransformInput` (Transform); `ModelDataUrl` or
   * `ModelDataSource` (CreateModel). Transform's ModelName is no data input: see TransformStepAdapter.modelName.
   */
  readonly name: string;
  /** Where the data comes from (an S3 URI or an expression); undefined when the request carries none. */
  readonly source: StepValue | undefined;
  /** Where the script sees it; undefined for steps that run no script of their own. */
  readonly containerPath: string | undefined;
  /** Request path of this input, e.g. `InputDataConfig[1]`. */
  readonly requestPath: string;
}

/** Data the step writes. */
export interface AdapterOutput {
  /**
   * OutputName (Processing); for the others, what is written: `ModelArtifacts` and `OutputData`
   * (both under Training's OutputDataConfig), `CheckpointConfig` (Training), `TransformOutput`.
   */
  readonly name: string;
  readonly containerPath: string | undefined;
  readonly destination: StepValue | undefined;
  readonly requestPath: string;
}

export interface AdapterResources {
  readonly instanceType: StepValue | undefined;
  readonly instanceCount: StepValue | undefined;
  readonly volumeSizeInGB: StepValue | undefined;
  readonly requestPath: string;
}

/** One step type's reading of a step's Arguments. Every function takes the Arguments as emitted and never throws. */
export interface StepTypeAdapter {
  readonly vocabulary: StepTypeVocabulary;
  inputs(args: unknown): AdapterInput[];
  outputs(args: unknown): AdapterOutput[];
  /** undefined for CreateModel, which runs on no instance of its own. */
  resources(args: unknown): AdapterResources | undefined;
  image(args: unknown): StepValue | undefined;
  environment(args: unknown): Record<string, StepValue>;
  /** Arguments the script receives: ContainerArguments (Processing), hyperparameters (Training); [] when none. */
  jobArguments(args: unknown): StepValue[];
  /** What the container runs first, e.g. Processing's ContainerEntrypoint; undefined when the image decides. */
  entrypoint(args: unknown): StepValue[] | undefined;
  roleArn(args: unknown): StepValue | undefined;
}
