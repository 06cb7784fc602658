import type { PipelineValue } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass } from '../../support/broken-builders.js';
import { expectFailure, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.generated_files_uploaded';

describe(ID, () => {
  it('passes on XGBoostTraining, which writes hyperparameters.json for its config channel', async () => {
    const result = await runCheck(realBuilder('XGBoostTraining'), ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('is not applicable to PyTorchTraining, whose channels read only the provided inputs', async () => {
    const result = await runCheck(realBuilder('PyTorchTraining'), ID);
    expect(result.status).toBe('not_applicable');
    expect(result.message).toContain('every channel of PyTorchTraining reads a provided input');
  });

  it('fails when the builder references its hyperparameters file without writing it', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        return super.getInputs({ ...inputs, hyperparameters_s3_uri: this.hyperparametersFileUri() });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(
      result,
      "channel 'config' reads s3://stepscore-example-bucket/MODS/stepscore-risk-xgboost-NA_1.0.0/training_config/XGBoostTraining/hyperparameters.json, " +
        'which is not a provided input, so the builder generated it, but nothing was written there through the S3 client',
    );
  });

  it('fails when the hyperparameters file is not JSON', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        const uri = this.hyperparametersFileUri();
        const lines = Object.entries(this.hyperparametersFileContent()).map(([k, v]) => `${k}=${String(v)}`);
        await this.artifactStore.put(uri, lines.join('\n'), 'application/json');
        return super.getInputs({ ...inputs, hyperparameters_s3_uri: uri });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "training_config/XGBoostTraining/hyperparameters.json, written for channel 'config', is not valid JSON");
  });

  it('fails when the builder does not wait for the upload before returning the step', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        const uri = this.hyperparametersFileUri();
        void this.artifactStore.put(uri, JSON.stringify(this.hyperparametersFileContent()), 'application/json');
        return super.getInputs({ ...inputs, hyperparameters_s3_uri: uri });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "channel 'config' reads", 'its upload had not finished when createStep() returned the step');
  });
});
