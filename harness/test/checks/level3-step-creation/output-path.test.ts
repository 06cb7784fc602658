import { type PipelineValue, snakeCaseStepName } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.output_path';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('passes when the config sets an output_path outside the pipeline location', async () => {
    const changed = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['output_path'] = 's3://team-models/xgboost/';
    });
    const result = await runCheck(changed, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails when the builder ignores config.output_path (the reference's bug)", async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override getOutputs(_outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
        return `${this.config.pipeline_s3_loc}/${snakeCaseStepName('PyTorchTraining')}`;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(
      result,
      "with config.output_path 's3://stepscore-example-bucket/stepscore-probe/configured-output-path' the step's OutputDataConfig.S3OutputPath is " +
        "'s3://stepscore-example-bucket/MODS/stepscore-bsm-pytorch-NA_1.0.0/pytorch_training': the builder ignores the configured output_path",
    );
  });

  it('fails when the output path ends with a slash', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
        return `${String(super.getOutputs(outputs))}/`;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "OutputDataConfig.S3OutputPath 's3://stepscore-example-bucket/MODS/stepscore-risk-xgboost-NA_1.0.0/xgboost_training/' ends with '/'");
  });
});
