import type { CreateStepOptions } from '@stepscore/step-builder';
import { describe, it } from 'vitest';
import { realBuilder, withBuilderClass } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.dependencies_attachment';

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it('fails when the explicit dependsOn steps are dropped', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override createStep(options: CreateStepOptions = {}) {
        return super.createStep({ ...options, dependsOn: [] });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, "does not name 'ExtraStep'");
  });

  it('fails when the dependencies are ignored and a fixed input location is used instead', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override createStep(options: CreateStepOptions = {}) {
        const { dependencies: _ignored, ...rest } = options;
        return super.createStep({ ...rest, inputs: { input_path: 's3://fixed-bucket/training-data', ...rest.inputs } });
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(
      result,
      "does not name 'TabularPreprocessing-Training'",
      `required input 'input_path' should reach the Arguments as {"Get": "Steps.TabularPreprocessing-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri"}`,
    );
  });
});
