import type { StepSpecification } from '@stepscore/step-model';

export const MOCK_BUCKET = 'test-bucket';

/** The reference's mock S3 locations, so a logical input name always maps to the same URI. */
export function mockS3UriFor(logicalName: string): string {
  switch (logicalName) {
    case 'data':
    case 'input_data':
      return `s3://${MOCK_BUCKET}/processing-data/${logicalName}`;
    case 'input_path':
      return `s3://${MOCK_BUCKET}/training-data/${logicalName}`;
    case 'model_input':
    case 'model_artifacts':
      return `s3://${MOCK_BUCKET}/model-artifacts/${logicalName}`;
    case 'hyperparameters_s3_uri':
      return `s3://${MOCK_BUCKET}/hyperparameters/${logicalName}/hyperparameters.json`;
    default:
      return `s3://${MOCK_BUCKET}/generic/${logicalName}`;
  }
}

/** A mock URI for every required dependency of the spec. */
export function mockInputsFor(spec: StepSpecification, includeOptional = false): Record<string, string> {
  return Object.fromEntries(
    [...spec.dependencies.values()].filter((d) => includeOptional || d.required).map((d) => [d.logicalName, mockS3UriFor(d.logicalName)]),
  );
}
