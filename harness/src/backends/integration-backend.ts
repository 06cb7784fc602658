import type { StepTypeName } from '@stepscore/sagemaker';

/** A create request or a Describe* response, as plain JSON members. */
export type JobDocument = Record<string, unknown>;

/**
 * The SageMaker API surface the Integration level talks to. The same checks run on every backend:
 * the in-process mock by default, or a local moto_server.
 */
export interface IntegrationBackend {
  readonly name: string;
  createPipeline(input: { name: string; definition: string; roleArn: string }): Promise<void>;
  /** The definition SageMaker stored for the pipeline, as it returns it. */
  describePipelineDefinition(name: string): Promise<string>;
  startPipelineExecution(name: string): Promise<string>;
  /**
   * The step type's create operation (CreateTrainingJob, CreateProcessingJob, CreateTransformJob, CreateModel)
   * with `request`, which carries the job-name member.
   */
  createJob(stepType: StepTypeName, request: JobDocument): Promise<void>;
  /** The step type's describe operation for the job (or model) of that name, once it has completed. */
  describeJob(stepType: StepTypeName, name: string): Promise<JobDocument>;
  /**
   * Operations this backend could not serve itself and handed to the in-process mock, each with why
   * (`moto lacks CreateTransformJob`); empty when it served everything.
   */
  servedByMock(): readonly string[];
  close(): Promise<void>;
}

export type IntegrationBackendFactory = (region: string) => Promise<IntegrationBackend>;

/** `served by mock: moto lacks X, Y` when the backend handed operations to the mock, else ''. */
export function servedByMockNote(backend: IntegrationBackend): string {
  const notes = backend.servedByMock();
  return notes.length === 0 ? '' : ` (served by mock: ${notes.join(', ')})`;
}
