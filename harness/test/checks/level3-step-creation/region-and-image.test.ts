import { type EncodedHyperparameters, retrieveTrainingImageUri } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.region_and_image';

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when the image region is hard-coded', async () => {
    const UsEastImage = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getImageUri(): string {
          return `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${this.config.framework_version}`;
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), UsEastImage), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe(
      "[other-region] the image 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1 is pulled from us-east-1, but the config's region is eu-west-1",
    );
  });

  it('fails (major) when a hyperparameter carries a hard-coded region', async () => {
    const UsEastHyperparameter = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          return { ...super.getHyperparameters(), sagemaker_region: '"us-east-1"' };
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), UsEastHyperparameter), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toBe("[other-region] the request names region us-east-1, but the config's region is eu-west-1");
  });

  it('fails (major) when the image is the CPU flavour on a GPU instance', async () => {
    const CpuImage = {
      PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
        override getImageUri(): string {
          return retrieveTrainingImageUri({
            framework: 'pytorch',
            version: this.config.framework_version,
            pyVersion: this.config.py_version,
            instanceType: 'ml.m5.xlarge',
            region: this.awsRegion,
          });
        }
      },
    }.PyTorchTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), CpuImage), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      '[default] the image 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310 is a CPU image, but the job runs on a GPU instance (ml.g5.12xlarge)',
    );
    expect(result.message).toContain('[gpu] the image');
    expect(result.message).not.toContain('[cpu]');
  });
});
