import { retrieveTrainingImageUri } from '@stepscore/sagemaker';
import type { StepBuilderOptions } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { realBuilder, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';
import type { PyTorchTrainingConfig } from '../../../../builders/pytorch-training/index.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.training_step_creation';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('passes when the config asks for several instances, a larger volume and a shorter runtime', async () => {
    const changed = withDefaultConfig(realBuilder('PyTorchTraining'), (config) => {
      Object.assign(config, { training_instance_count: 2, training_volume_size: 100, max_runtime_in_seconds: 3600 });
    });
    const result = await runCheck(changed, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails when the image comes from another region', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getImageUri() {
        return retrieveTrainingImageUri({ framework: 'xgboost', version: this.config.framework_version, region: 'us-west-2' });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(
      result,
      "AlgorithmSpecification.TrainingImage is '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1', expected '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1'",
    );
  });

  it('fails when the builder runs the job as a role other than the configured one', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      constructor(config: PyTorchTrainingConfig, options: StepBuilderOptions = {}) {
        super(config, { ...options, role: 'arn:aws:iam::123456789012:role/DefaultTeamRole' });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, "RoleArn is 'arn:aws:iam::123456789012:role/DefaultTeamRole', expected 'arn:aws:iam::123456789012:role/SageMakerRole' (config.role)");
  });
});
