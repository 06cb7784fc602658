// The SageMaker client classes the harness constructs and sends, from the one copy of @aws-sdk/client-sagemaker
// that @stepscore/sagemaker loads with require (sagemakerSdk): the mock backend tells the commands it is sent apart
// with instanceof, so every caller must construct them from that one copy. Not `import`: Node 20 imports a CommonJS package by first scanning its source for
// export names, which for this package's 0.8 MB build costs about 0.09 s of CPU on each cold start (a worker's).
import type * as SageMakerSdk from '@aws-sdk/client-sagemaker';
import { sagemakerSdk } from '@stepscore/sagemaker';

export const {
  SageMakerClient,
  CreatePipelineCommand,
  DescribePipelineCommand,
  StartPipelineExecutionCommand,
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeModelCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
} = sagemakerSdk();

export type SageMakerClient = SageMakerSdk.SageMakerClient;
