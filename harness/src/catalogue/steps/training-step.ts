import { retrieveTrainingImageUri, type TrainingFramework } from '@stepscore/sagemaker';
import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import type { StepSpecificationInput } from '@stepscore/step-model';
import type { CatalogueEntry } from '../upstream-catalogue.js';
import { folderName, type StepRenderContext } from './processing-step.js';

/** What a catalogue Training step runs on: its framework image and instance. */
export interface TrainingProducerLayout {
  readonly framework: TrainingFramework;
  readonly frameworkVersion: string;
  readonly pyVersion: string;
  readonly instanceType: string;
}

/** Where a Training step's input channel of that name reads from in its Arguments. */
export function trainingChannelArgument(channelName: string): string {
  return `InputDataConfig['${channelName}'].DataSource.S3DataSource.S3Uri`;
}

const channel = (name: string, s3Uri: PipelineValue) => ({
  ChannelName: name,
  DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: s3Uri, S3DataDistributionType: 'FullyReplicated' } },
});

/**
 * A Training step as a catalogue producer or consumer (another team's training job), laid out as the SDK
 * lays out CreateTrainingJob Arguments: one channel per dependency given a value in `inputs` (named by its
 * logical name), else a `train` channel on a fixed location. Its outputs are read from DescribeTrainingJob:
 * `ModelArtifacts.S3ModelArtifacts` and `OutputDataConfig.S3OutputPath`.
 */
export function renderTrainingStep(
  stepName: string,
  layout: TrainingProducerLayout,
  context: StepRenderContext,
  inputs: Readonly<Record<string, PipelineValue>> = {},
): PipelineStepDefinition {
  const base = context.pipelineS3Loc.replace(/\/+$/, '');
  const image = retrieveTrainingImageUri({
    framework: layout.framework,
    version: layout.frameworkVersion,
    pyVersion: layout.pyVersion,
    instanceType: layout.instanceType,
    region: context.region,
  });
  const channels = Object.entries(inputs).map(([name, uri]) => channel(name, uri));
  return {
    Name: stepName,
    Type: 'Training',
    Arguments: {
      AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: 'File' },
      RoleArn: context.role,
      InputDataConfig: channels.length > 0 ? channels : [channel('train', `${base}/raw/${folderName(stepName)}/`)],
      OutputDataConfig: { S3OutputPath: `${base}/${folderName(stepName)}` },
      ResourceConfig: { InstanceCount: 1, InstanceType: layout.instanceType, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    },
  };
}

/** A Training step of the catalogue: its dependencies, when it has any, arrive as channels named after them. */
export function trainingProducer(stepName: string, specification: StepSpecificationInput, layout: TrainingProducerLayout): CatalogueEntry {
  return {
    stepName,
    stepType: 'Training',
    specification,
    inputArguments: Object.fromEntries((specification.dependencies ?? []).map((d) => [d.logicalName, trainingChannelArgument(d.logicalName)])),
    render: ({ inputs, ...context }) => renderTrainingStep(stepName, layout, context, inputs),
  };
}
