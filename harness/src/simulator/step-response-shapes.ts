/**
 * The response shape a pipeline step's `properties` are built from, by step `Type`, as the SageMaker
 * Python SDK declares them (e.g. `Properties(step_name, shape_name='DescribeTrainingJobResponse')`).
 */
export const STEP_RESPONSE_SHAPES: Readonly<Record<string, string>> = {
  Processing: 'DescribeProcessingJobResponse',
  Training: 'DescribeTrainingJobResponse',
  Model: 'DescribeModelOutput',
  Transform: 'DescribeTransformJobResponse',
  Tuning: 'DescribeHyperParameterTuningJobResponse',
};

export function responseShapeForStepType(stepType: string): string | undefined {
  return Object.hasOwn(STEP_RESPONSE_SHAPES, stepType) ? STEP_RESPONSE_SHAPES[stepType] : undefined;
}
