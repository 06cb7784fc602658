import { type PipelineValue, type TrainingChannel, joinS3, s3Channel } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.inputs_mounted';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (blocker) when two dependencies feed each other's channels", async () => {
    // The author's table of dependency → channel has its two entries swapped.
    const Swapped = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const data = inputs['input_path'];
          const config = inputs['hyperparameters_s3_uri'];
          if (data === undefined) throw new Error('input_path is required');
          if (config === undefined) return super.getInputs(inputs);
          return [...['train', 'val', 'test'].map((split) => s3Channel(split, joinS3(config, `${split}/`))), s3Channel('config', data)];
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Swapped), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain("[all-dependencies] dependency 'hyperparameters_s3_uri' feeds input 'train'");
    expect(result.message).toContain('but the script contract reads it at /opt/ml/input/data/config/hyperparameters.json');
  });

  it('fails (blocker) when the builder always writes its own file and ignores the upstream one', async () => {
    const Ignoring = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const { hyperparameters_s3_uri: _upstream, ...rest } = inputs;
          return super.getInputs(rest);
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Ignoring), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(/^\[all-dependencies\] dependency 'hyperparameters_s3_uri' \("s3:\/\/[^"]+"\) reaches no input of the request/);
  });
});
