import type { PipelineValue, TrainingChannel } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.generated_input_content_type';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when the configured input content type is put on the channel of the generated JSON file as well', async () => {
    // The author applies input_content_type to every channel, forgetting that the config channel holds JSON.
    const ContentTypeEverywhere = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const contentType = this.config.input_content_type;
          const channels = await super.getInputs(inputs);
          return contentType === undefined ? channels : channels.map((channel) => ({ ...channel, ContentType: contentType }));
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), ContentTypeEverywhere), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(
      /^\[parameters\] input 'config' declares ContentType \{"Get":"Parameters\.InputContentType"\}, but the builder uploaded s3:\/\/\S+\/hyperparameters\.json for it as application\/json/,
    );
    expect(result.message).not.toContain('[default]');
  });

  it('fails when a generated file is declared with another literal content type than it was uploaded with', async () => {
    const DeclaredCsv = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const channels = await super.getInputs(inputs);
          return channels.map((channel) => (channel.ChannelName === 'config' ? { ...channel, ContentType: 'text/csv' } : channel));
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), DeclaredCsv), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^\[default\] input 'config' declares ContentType "text\/csv", but the builder uploaded .+ as application\/json/);
  });

  it('passes when the generated file is declared with its own content type, parameters aside', async () => {
    const DeclaredJson = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
          const channels = await super.getInputs(inputs);
          return channels.map((channel) => (channel.ChannelName === 'config' ? { ...channel, ContentType: 'Application/JSON; charset=utf-8' } : channel));
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), DeclaredJson), ID);
    expect(result.status, result.message).toBe('pass');
  });
});
