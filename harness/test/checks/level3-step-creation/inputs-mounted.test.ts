import { type PipelineValue, type TrainingChannel, joinS3, s3Channel } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withSpecAndContract } from '../../support/broken-builders.js';

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

  it("fails (blocker) when the spec makes the script's only input optional: the default step mounts no data for it", async () => {
    // "The step can also run on nothing": DATA became required: false, so the default config's step has no data input.
    const optionalData = withSpecAndContract(realBuilder('TabularPreprocessing'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => ({ ...d, required: false }));
    });
    const result = await runCheck(optionalData, ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toContain(
      "[default] the script contract reads 'DATA' at /opt/ml/processing/input/data, but the request mounts nothing at any of them",
    );
    // Given, the dependency is mounted where the contract reads it.
    expect(result.message).not.toContain('[all-dependencies]');
  });

  it('passes when an optional input is left out but the script still reads another (the builder generates the optional one or does without)', async () => {
    const optionalModel = withSpecAndContract(realBuilder('XGBoostModelEval'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => (d.logicalName === spec.dependencies[0]!.logicalName ? { ...d, required: false } : d));
    });
    const result = await runCheck(optionalModel, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (blocker) when the built-in algorithm's validation channel takes the script's folder name 'val'", async () => {
    const ScriptNames = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const channels = await super.getInputs(inputs);
          return channels.map((c) => (c.ChannelName === 'validation' ? { ...c, ChannelName: 'val' } : c));
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), ScriptNames), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /\[enum-[^\]]*algorithm_mode-builtin[^\]]*\] channel "val" is not one the SageMaker XGBoost algorithm reads \(its channels: train, validation\)/,
    );
    // A script reads the channels its contract says: the framework-mode scenarios are not held to the algorithm's.
    expect(result.message).not.toContain('[default]');
  });

  it('fails (blocker) when the built-in algorithm gets no train channel', async () => {
    const NoTrain = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const channels = await super.getInputs(inputs);
          return this.config.algorithm_mode === 'builtin' ? channels.filter((c) => c.ChannelName !== 'train') : channels;
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), NoTrain), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/no 'train' channel, which the SageMaker XGBoost algorithm requires \(channels given: "validation"\)/);
  });

  it('fails (blocker) when the file the builder generates for an input lands under another name than the contract reads', async () => {
    // The file-name constant was emptied: the object is uploaded to the step's folder itself, named ''.
    const Unnamed = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override hyperparametersFileUri(): string {
          return super.hyperparametersFileUri().replace(/hyperparameters\.json$/, '');
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Unnamed), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('blocker');
    expect(result.message).toMatch(
      /\[default\] the script contract reads 'hyperparameters_s3_uri' at \/opt\/ml\/input\/data\/config\/hyperparameters\.json, but input 'config' \(mounted at \/opt\/ml\/input\/data\/config\) holds only what the builder generated, s3:\/\/\S+\/, and none of it lands at/,
    );
  });
});
