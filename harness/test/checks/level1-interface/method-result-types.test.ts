import type { PipelineValue } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level1.method_result_types';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (minor) naming the method and the type found for job arguments and environment values', async () => {
    class Sloppy extends PyTorchTrainingStepBuilder {
      override getJobArguments(): string[] | undefined {
        return '--epochs 3' as unknown as string[];
      }
      override getEnvironmentVariables(): Record<string, string> {
        return { MAX_EPOCHS: 3 } as unknown as Record<string, string>;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), Sloppy), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain('getJobArguments() must return undefined or a string array, got a string');
    expect(result.message).toContain('getEnvironmentVariables() must map names to strings, but MAX_EPOCHS is a number');
  });

  it('fails (minor) when getInputs forgets to return its channels and getStepName is empty', async () => {
    class Odd extends XGBoostTrainingStepBuilder {
      override async getInputs(inputs: Readonly<Record<string, PipelineValue>>) {
        await super.getInputs(inputs);
        return undefined as never;
      }
      override getStepName(): string {
        return '';
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Odd), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toContain("getInputs(<mock inputs>) must resolve to the step's inputs, got undefined");
    expect(result.message).toContain('getStepName() must return a non-empty string, got an empty string');
  });

  it('fails (minor) when getOutputs forgets to return its location', async () => {
    class ListedOutputs extends PyTorchTrainingStepBuilder {
      override getOutputs(): never {
        void `${String(this.config.pipeline_s3_loc)}/pytorch_training`;
        return undefined as never;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), ListedOutputs), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('minor');
    expect(result.message).toBe("getOutputs({}) must return the step's outputs, got undefined");
  });
});
