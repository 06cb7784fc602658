import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import { folderName, type StepRenderContext } from './processing-step.js';

/** Where a Transform step's model and input data are in its Arguments. */
export const TRANSFORM_MODEL_ARGUMENT = 'ModelName';
export const TRANSFORM_INPUT_ARGUMENT = 'TransformInput.DataSource.S3DataSource.S3Uri';

/** A Transform step as the SDK's TransformStep lays out its CreateTransformJob Arguments (CSV, line by line). */
export function renderTransformStep(
  stepName: string,
  job: { readonly modelName: PipelineValue; readonly inputData?: PipelineValue | undefined },
  context: StepRenderContext,
): PipelineStepDefinition {
  const base = context.pipelineS3Loc.replace(/\/+$/, '');
  return {
    Name: stepName,
    Type: 'Transform',
    Arguments: {
      ModelName: job.modelName,
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: job.inputData ?? `${base}/raw/${folderName(stepName)}/` } },
        ContentType: 'text/csv',
        SplitType: 'Line',
      },
      TransformOutput: { S3OutputPath: `${base}/${folderName(stepName)}`, Accept: 'text/csv', AssembleWith: 'Line' },
      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    },
  };
}
