import { readFileSync } from 'node:fs';
import type { EncodedHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { expectedFrameworkHyperparameters } from '../../../src/checks/level3-step-creation/framework-hyperparameters.js';
import { realBuilder, withBuilderClass } from '../../support/broken-builders.js';
import { expectFailure, itPassesOnRealBuilders, RealPyTorchTrainingStepBuilder, RealXGBoostTrainingStepBuilder, runCheck } from './level3-support.js';

const ID = 'level3.framework_hyperparameters';

interface SdkCase {
  readonly definition: { readonly Steps: readonly { readonly Arguments: { readonly HyperParameters?: Record<string, string> } }[] };
}

function sdkHyperparameters(file: string): Record<string, string> {
  const url = new URL(`../../../../builders/test-fixtures/sdk-generated/${file}`, import.meta.url);
  const sdkCase = JSON.parse(readFileSync(url, 'utf8')) as SdkCase;
  const step = sdkCase.definition.Steps.find((s) => s.Arguments.HyperParameters?.['sagemaker_program'] !== undefined);
  return step?.Arguments.HyperParameters ?? {};
}

describe(ID, () => {
  itPassesOnRealBuilders(ID);

  it.each([
    ['sdk_pytorch_basic.json', { entryPoint: 'train.py', sourceDir: 's3://my-bucket/code/sourcedir.tar.gz', region: 'us-west-2' }],
    ['sdk_xgboost_framework.json', { entryPoint: 'xgb_train.py', sourceDir: 's3://my-bucket/code/xgb.tar.gz', region: 'us-west-2' }],
  ])('expects exactly what the SageMaker Python SDK emitted in %s', (file, settings) => {
    const sdk = sdkHyperparameters(file);
    const expected = expectedFrameworkHyperparameters(settings);
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, sdk[name]]))).toEqual(expected);
  });

  it('fails when sagemaker_program is sent without JSON quoting', async () => {
    class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        return { ...super.getHyperparameters(), sagemaker_program: this.config.training_entry_point };
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), PyTorchTrainingStepBuilder), ID);
    expectFailure(result, `HyperParameters.sagemaker_program is 'train.py', but the SDK sends '"train.py"'`);
  });

  it('fails when sagemaker_region is left out', async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        const { sagemaker_region: _dropped, ...rest } = super.getHyperparameters();
        return rest;
      }
    }
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), ID);
    expectFailure(result, `HyperParameters.sagemaker_region is missing; the SDK sends '"us-east-1"'`);
  });
});
