import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import type { StepRenderContext } from './processing-step.js';

/**
 * The image that serves a model trained with `trainingImage`: the Deep Learning Container's
 * `-inference` repository for a `-training` one (PyTorch), the same image otherwise (XGBoost).
 */
export function inferenceImageFor(trainingImage: PipelineValue): PipelineValue {
  return typeof trainingImage === 'string' ? trainingImage.replace(/-training:/, '-inference:') : trainingImage;
}

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
