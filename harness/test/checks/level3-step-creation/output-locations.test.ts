import type { PipelineValue } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { BatchTransformStepBuilder } from '../../../../builders/batch-transform/index.js';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { TabularPreprocessingStepBuilder } from '../../../../builders/tabular-preprocessing/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.output_locations';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (major) when an optional segment left empty gives an S3 key with '//'", async () => {
    const EmptySegment = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getOutputs(): PipelineValue {
          return this.config.output_path ?? `${this.config.pipeline_s3_loc}/${this.config.job_type ?? ''}/pytorch_training`;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), EmptySegment), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      "[default] OutputDataConfig.S3OutputPath is s3://stepscore-example-bucket/MODS/stepscore-bsm-pytorch-NA_1.0.0//pytorch_training: its key has an empty segment ('//')",
    );
    expect(result.message).not.toContain('[max-names]');
  });

  it('fails (major) when the key itself starts with an empty segment (s3://bucket//key)', async () => {
    const LeadingSlash = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getOutputs(): PipelineValue {
          return `s3://${this.config.bucket}//${this.getStepName()}/pytorch_training`;
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), LeadingSlash), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      "[default] OutputDataConfig.S3OutputPath is s3://stepscore-example-bucket//PyTorchTraining/pytorch_training: its key has an empty segment ('//')",
    );
  });

  it("fails (major) when a configured prefix's trailing slash is joined with another", async () => {
    const TrailingSlash = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        protected override extraArguments(outputPath: PipelineValue) {
          return {
            CheckpointConfig: { S3Uri: `${String(outputPath)}/checkpoints/`.replace('/checkpoints/', '//checkpoints'), LocalPath: '/opt/ml/checkpoints' },
          };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), TrailingSlash), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/^\[default\] CheckpointConfig\.S3Uri is s3:\/\/\S+\/\/checkpoints: its key has an empty segment/);
  });

  it('fails (major) when a processing output goes to the same location in every execution', async () => {
    const FixedOutputs = {
      TabularPreprocessingStepBuilder: class extends TabularPreprocessingStepBuilder {
        override getOutputs(outputs: Readonly<Record<string, PipelineValue>>) {
          return super.getOutputs(outputs).map((o) => ({
            ...o,
            S3Output: {
              ...(o.S3Output as Record<string, unknown>),
              S3Uri: `s3://${this.config.bucket}/${this.getStepName()}/${String(o.OutputName)}`,
            } as never,
          }));
        }
      },
    }.TabularPreprocessingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('TabularPreprocessing'), FixedOutputs), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      "[default] ProcessingOutputConfig.Outputs[0] (output 'processed_data') goes to s3://stepscore-example-bucket/TabularPreprocessing-Training/processed_data in every execution",
    );
    expect(result.message).not.toContain("does not depend on the step's name");
  });

  it("fails (major) when a transform's default output is per execution but not per step", async () => {
    const NotPerStep = {
      BatchTransformStepBuilder: class extends BatchTransformStepBuilder {
        override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
          return (
            outputs[this.transformOutput] ??
            this.config.output_path ?? {
              'Std:Join': { On: '/', Values: ['s3:/', this.config.bucket, { Get: 'Execution.PipelineExecutionId' }, 'predictions'] },
            }
          );
        }
      },
    }.BatchTransformStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('BatchTransform'), NotPerStep), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/^\[default\] TransformOutput \(output 'TransformOutput'\) goes to .*, which does not depend on the step's name/);
    expect(result.message).not.toContain('in every execution');
    // Where the user configured output_path, sharing it is the user's choice.
    expect(result.message).not.toContain('[overrides]');
  });

  it('fails (major) when a location joined at run time has an empty part (an optional folder left out)', async () => {
    // The author puts an optional folder in the per-execution location; a config without it joins ''.
    const EmptyJoinedFolder = {
      BatchTransformStepBuilder: class extends BatchTransformStepBuilder {
        override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
          const folder = (this.config as { output_folder?: string }).output_folder ?? '';
          const values = ['s3:/', this.config.bucket, this.config.pipeline_name, { Get: 'Execution.PipelineExecutionId' }, this.getStepName(), folder];
          return outputs[this.transformOutput] ?? this.config.output_path ?? { 'Std:Join': { On: '/', Values: values } };
        }
      },
    }.BatchTransformStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('BatchTransform'), EmptyJoinedFolder), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(
      /^\[default\] TransformOutput\.S3OutputPath joins an empty part \(Values\[5\]\) into an S3 location, so its key has an empty segment where a name was to be/,
    );
    expect(result.message).not.toContain('[overrides]');
  });
});
