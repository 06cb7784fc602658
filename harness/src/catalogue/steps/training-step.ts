import { retrieveTrainingImageUri, type TrainingFramework } from '@stepscore/sagemaker';
import type { PipelineStepDefinition } from '@stepscore/step-builder';
import type { StepSpecificationInput } from '@stepscore/step-model';
import { folderName, type StepRenderContext } from './processing-step.js';
import { STEP_RESPONSE_SHAPES } from '../../simulator/step-response-shapes.js';
import type { ProducerEntry } from '../upstream-catalogue.js';

/** What a catalogue Training step runs on: its framework image and instance. */
export interface TrainingProducerLayout {
  readonly framework: TrainingFramework;
  readonly frameworkVersion: string;
  readonly pyVersion: string;
  readonly instanceType: string;
}

/**
 * A Training step as a catalogue producer (another team's training job whose model or evaluation output a
 * builder may take), laid out as the SDK lays out CreateTrainingJob Arguments. Its outputs are read from
 * DescribeTrainingJob: `ModelArtifacts.S3ModelArtifacts` and `OutputDataConfig.S3OutputPath`.
 */
export function renderTrainingStep(stepName: string, layout: TrainingProducerLayout, context: StepRenderContext): PipelineStepDefinition {
  const base = context.pipelineS3Loc.replace(/\/+$/, '');
  const image = retrieveTrainingImageUri({
    framework: layout.framework,
    version: layout.frameworkVersion,
    pyVersion: layout.pyVersion,
    instanceType: layout.instanceType,
    region: context.region,
  });
  return {
    Name: stepName,
    Type: 'Training',
    Arguments: {
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
      RoleArn: context.role,
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `${base}/raw/${folderName(stepName)}/`, S3DataDistributionType: 'FullyReplicated' } },
        },
      ],
      OutputDataConfig: { S3OutputPath: `${base}/${folderName(stepName)}` },
      ResourceConfig: { InstanceCount: 1, InstanceType: layout.instanceType, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    },
  };
}

export function trainingProducer(stepName: string, specification: StepSpecificationInput, layout: TrainingProducerLayout): ProducerEntry {
  return {
    stepName,
    specification,
    responseShape: STEP_RESPONSE_SHAPES['Training'] as string,
    render: (context) => renderTrainingStep(stepName, layout, context),
  };
}
