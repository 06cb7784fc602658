// Builders whose steps carry members SageMaker's CreateTrainingJob does not have: the SDK's serialiser drops them.
import type { CreateStepOptions, TrainingStepDefinition } from '@stepscore/step-builder';
import { PyTorchTrainingStepBuilder } from '../../../builders/pytorch-training/builder.js';
import { XGBoostTrainingStepBuilder } from '../../../builders/xgboost-training/builder.js';

/** Adds a member CreateTrainingJob does not have (the reference's made-up output property name). */
export class WithUnknownTopLevelMember extends PyTorchTrainingStepBuilder {
  override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
    const step = await super.createStep(options);
    return { ...step, Arguments: { ...step.Arguments, TrainingJobOutput: { S3Output: 's3://bucket/model' } } };
  }
}

/** Misspells a nested member: OutputDataConfig has S3OutputPath, not S3OutputUri, so the job has no output location. */
export class WithMisspeltOutputPath extends XGBoostTrainingStepBuilder {
  override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
    const step = await super.createStep(options);
    const { S3OutputPath, ...rest } = step.Arguments.OutputDataConfig ?? {};
    return { ...step, Arguments: { ...step.Arguments, OutputDataConfig: { ...rest, S3OutputUri: S3OutputPath } as never } };
  }
}
