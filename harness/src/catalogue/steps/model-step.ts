import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import type { StepRenderContext } from './processing-step.js';

/** Where a CreateModel step's model artefacts are in its Arguments. */
export const MODEL_DATA_ARGUMENT = 'PrimaryContainer.ModelDataUrl';

/** A CreateModel step (`Type: 'Model'`) as the SDK's ModelStep lays out its CreateModel Arguments. */
export function renderModelStep(
  stepName: string,
  model: { readonly modelDataUrl: PipelineValue; readonly image: PipelineValue; readonly entryPoint: string },
  context: StepRenderContext,
): PipelineStepDefinition {
  return {
    Name: stepName,
    Type: 'Model',
    Arguments: {
      ExecutionRoleArn: context.role,
      PrimaryContainer: {
        Image: model.image,
        Environment: {
          SAGEMAKER_PROGRAM: model.entryPoint,
          SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
          SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
          SAGEMAKER_REGION: context.region,
        },
        ModelDataUrl: model.modelDataUrl,
      },
    },
  };
}
