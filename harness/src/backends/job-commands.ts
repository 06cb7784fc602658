import type {
  CreateModelCommandInput,
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeModelCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  type SageMakerClient,
} from '../aws/sagemaker-client.js';
import { STEP_TYPES, type StepTypeName } from '@stepscore/sagemaker';
import type { JobDocument } from './integration-backend.js';

/** The SDK commands of one step type's create and describe operations. */
export interface JobCommands {
  /** The create command's class: mock backends tell the operation by it. */
  readonly createCommand: abstract new (
    ...args: never[]
  ) => object;
  readonly describeCommand: abstract new (...args: never[]) => object;
  /** Sends the create operation; resolves to its response. */
  create(client: SageMakerClient, request: JobDocument): Promise<object>;
  /** Sends the describe operation for the job (or model) of that name. */
  describe(client: SageMakerClient, name: string): Promise<object>;
}

// The requests come from a pipeline's Arguments, checked against the service model elsewhere; the SDK's types
// only say what a well-formed one looks like.
export const JOB_COMMANDS: Readonly<Record<StepTypeName, JobCommands>> = {
  Training: {
    createCommand: CreateTrainingJobCommand,
    describeCommand: DescribeTrainingJobCommand,
    create: (client, request) => client.send(new CreateTrainingJobCommand(request as unknown as CreateTrainingJobCommandInput)),
    describe: (client, name) => client.send(new DescribeTrainingJobCommand({ TrainingJobName: name })),
  },
  Processing: {
    createCommand: CreateProcessingJobCommand,
    describeCommand: DescribeProcessingJobCommand,
    create: (client, request) => client.send(new CreateProcessingJobCommand(request as unknown as CreateProcessingJobCommandInput)),
    describe: (client, name) => client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
  },
  Transform: {
    createCommand: CreateTransformJobCommand,
    describeCommand: DescribeTransformJobCommand,
    create: (client, request) => client.send(new CreateTransformJobCommand(request as unknown as CreateTransformJobCommandInput)),
    describe: (client, name) => client.send(new DescribeTransformJobCommand({ TransformJobName: name })),
  },
  CreateModel: {
    createCommand: CreateModelCommand,
    describeCommand: DescribeModelCommand,
    create: (client, request) => client.send(new CreateModelCommand(request as unknown as CreateModelCommandInput)),
    describe: (client, name) => client.send(new DescribeModelCommand({ ModelName: name })),
  },
};

/** The job name member's value in a describe command's input (e.g. `TrainingJobName`). */
export function describedName(stepType: StepTypeName, input: unknown): string {
  return String((input as Record<string, unknown>)[STEP_TYPES[stepType].jobNameMember]);
}
