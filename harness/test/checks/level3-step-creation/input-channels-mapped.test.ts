import { type PipelineValue, s3Channel } from '@stepscore/step-builder';
import { describe, it } from 'vitest';
import { realBuilder, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.input_channels_mapped';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('fails when the script contract expects a file name the builder does not use', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
      (contract.expectedInputPaths as Record<string, string>)['hyperparameters_s3_uri'] = '/opt/ml/input/data/config/params.json';
    });
    const result = await runCheck(broken, ID);
    expectFailure(
      result,
      "channel 'config' (a file the builder wrote for contract input 'hyperparameters_s3_uri')",
      "channel 'config' (fed by input 'hyperparameters_s3_uri') reads s3://test-bucket/hyperparameters/hyperparameters_s3_uri/hyperparameters.json, " +
        "which SageMaker puts at /opt/ml/input/data/config/hyperparameters.json, but the script contract's path is /opt/ml/input/data/config/params.json",
    );
  });

  it('fails when the data channel reads a fixed location instead of the input', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override async getInputs(_inputs: Readonly<Record<string, PipelineValue>>) {
        return [s3Channel('data', 's3://stepscore-example-bucket/datasets/latest')];
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(
      result,
      "input 'input_path' (s3://test-bucket/training-data/input_path) feeds no channel",
      "channel 'data' reads 's3://stepscore-example-bucket/datasets/latest', which is neither one of the provided inputs (input_path) nor a file the builder wrote",
    );
  });

  it('fails when two channels share a name', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        return (await super.getInputs(inputs)).map((c) => (c.ChannelName === 'val' ? { ...c, ChannelName: 'train' } : c));
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, "channel name(s) 'train' are used more than once");
  });

  it('fails when a channel is mounted where the contract does not look', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        return (await super.getInputs(inputs)).map((c) => (c.ChannelName === 'config' ? { ...c, ChannelName: 'hyperparameters' } : c));
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(
      result,
      "channel 'hyperparameters' (fed by input 'hyperparameters_s3_uri') is mounted at /opt/ml/input/data/hyperparameters, " +
        "which is neither under nor above the script contract's path /opt/ml/input/data/config/hyperparameters.json",
    );
  });
});
