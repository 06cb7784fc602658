import { retrieveTrainingImageUri } from '@stepscore/sagemaker';
import type { PipelineStepDefinition, PipelineValue } from '@stepscore/step-builder';
import type { StepSpecificationInput } from '@stepscore/step-model';

/** Where a rendered catalogue step puts its data, and who it runs as. */
export interface StepRenderContext {
  /** The pipeline's S3 prefix; every concrete location is below it. */
  readonly pipelineS3Loc: string;
  readonly role: string;
  readonly region: string;
}

export interface ProcessingStepLayout {
  /** The script the container runs, from `/opt/ml/processing/input/code`. */
  readonly script: string;
  readonly jobArguments: readonly string[];
  /** Logical output name → container path the script writes it to. */
  readonly outputLocalPaths: Readonly<Record<string, string>>;
}

const PROCESSING_ROOT = '/opt/ml/processing';
const INSTANCE_TYPE = 'ml.m5.xlarge';

/** The folder below the pipeline's S3 location a catalogue step writes to, e.g. `tabular_preprocessing_training`. */
export function folderName(stepName: string): string {
  return stepName
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The concrete S3 URI a catalogue Processing step writes one of its outputs to. */
export function processingOutputUri(context: StepRenderContext, stepName: string, logicalName: string): string {
  return `${context.pipelineS3Loc.replace(/\/+$/, '')}/${folderName(stepName)}/${logicalName}`;
}

function s3Input(inputName: string, s3Uri: PipelineValue, localPath: string) {
  return {
    InputName: inputName,
    AppManaged: false,
    S3Input: { S3Uri: s3Uri, LocalPath: localPath, S3DataType: 'S3Prefix', S3InputMode: 'File', S3DataDistributionType: 'FullyReplicated' },
  };
}

/** Where a Processing step's input of that name is in its Arguments. */
export function processingInputArgument(logicalName: string): string {
  return `ProcessingInputs['${logicalName}'].S3Input.S3Uri`;
}

/**
 * A Processing step as the SDK's ProcessingStep lays out its CreateProcessingJob Arguments: one input per
 * dependency given a value in `inputs` (named by its logical name, under `/opt/ml/processing/input/`), and
 * one output per spec output, named by its logical name, so `ProcessingOutputConfig.Outputs['<name>']` finds it.
 */
export function renderProcessingStep(
  stepName: string,
  spec: StepSpecificationInput,
  layout: ProcessingStepLayout,
  context: StepRenderContext,
  inputs: Readonly<Record<string, PipelineValue>> = {},
): PipelineStepDefinition {
  const base = context.pipelineS3Loc.replace(/\/+$/, '');
  const dependencyInputs = (spec.dependencies ?? []).flatMap((dependency) => {
    const source = inputs[dependency.logicalName];
    return source === undefined ? [] : [s3Input(dependency.logicalName, source, `${PROCESSING_ROOT}/input/${dependency.logicalName}`)];
  });
  const outputs = spec.outputs.map((output) => ({
    OutputName: output.logicalName,
    AppManaged: false,
    S3Output: {
      S3Uri: processingOutputUri(context, stepName, output.logicalName),
      LocalPath: layout.outputLocalPaths[output.logicalName] ?? `${PROCESSING_ROOT}/output/${output.logicalName}`,
      S3UploadMode: 'EndOfJob',
    },
  }));
  return {
    Name: stepName,
    Type: 'Processing',
    Arguments: {
      ProcessingResources: { ClusterConfig: { InstanceType: INSTANCE_TYPE, InstanceCount: 1, VolumeSizeInGB: 30 } },
      AppSpecification: {
        // The sagemaker-xgboost image is also the SDK's XGBoostProcessor image.
        ImageUri: retrieveTrainingImageUri({ framework: 'xgboost', version: '1.7-1', pyVersion: 'py3', instanceType: INSTANCE_TYPE, region: context.region }),
        ContainerEntrypoint: ['python3', `${PROCESSING_ROOT}/input/code/${layout.script}`],
        ...(layout.jobArguments.length > 0 ? { ContainerArguments: [...layout.jobArguments] } : {}),
      },
      RoleArn: context.role,
      ProcessingInputs: [
        ...(dependencyInputs.length > 0 ? dependencyInputs : [s3Input('input', `${base}/raw/${folderName(stepName)}/`, `${PROCESSING_ROOT}/input/data`)]),
        s3Input('code', `${base}/code/${layout.script}`, `${PROCESSING_ROOT}/input/code`),
      ],
      ProcessingOutputConfig: { Outputs: outputs },
      StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    },
  };
}
