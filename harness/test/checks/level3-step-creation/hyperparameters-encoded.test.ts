import { type EncodedHyperparameters, encodeBuiltInHyperparameters, encodeHyperparameters, frameworkHyperparameters } from '@stepscore/sagemaker';
import { withoutFieldLists } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass, withDefaultConfig } from '../../support/broken-builders.js';

const ID = 'level3.hyperparameters_encoded';

/** PyTorch as registered, its user hyperparameters encoded by `encode`. */
function pytorchEncoding(encode: (value: unknown) => string) {
  return {
    PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        const user = Object.fromEntries(Object.entries(this.config.hyperparameters).map(([k, v]) => [k, encode(v)]));
        return {
          ...user,
          ...frameworkHyperparameters({ entryPoint: this.config.training_entry_point, submitDirectory: this.config.source_dir, region: this.awsRegion }),
        };
      }
    },
  }.PyTorchTrainingStepBuilder;
}

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it("fails (major) when the built-in algorithm is sent the script's JSON text", async () => {
    // The framework encoder reused for the built-in mode: 'gbtree' arrives as '"gbtree"', which the algorithm reads as is.
    const JsonForBuiltIn = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          return this.config.algorithm_mode === 'builtin' ? encodeHyperparameters(withoutFieldLists(this.config.hyperparameters)) : super.getHyperparameters();
        }
      },
    }.XGBoostTrainingStepBuilder;
    const withBooster = withDefaultConfig(realBuilder('XGBoostTraining'), (config) => {
      config['hyperparameters'] = { ...(config['hyperparameters'] as object), booster: 'gbtree' };
    });
    const result = await runCheck(withBuilderClass(withBooster, JsonForBuiltIn), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      `algorithm_mode-builtin] HyperParameters.booster is "\\"gbtree\\"", not the configured "gbtree" as text (the built-in algorithm reads plain text)`,
    );
    expect(result.message).not.toContain('[default]');
  });

  it("fails (major) when the built-in algorithm is sent a name it does not take: the script's field lists passed on whole", async () => {
    const FieldListsForBuiltIn = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          return this.config.algorithm_mode === 'builtin' ? encodeBuiltInHyperparameters(this.config.hyperparameters) : super.getHyperparameters();
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), FieldListsForBuiltIn), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      'algorithm_mode-builtin] HyperParameters.full_field_list is no hyperparameter of the SageMaker XGBoost algorithm, which fails the job before it reads any data ("Extraneous hyperparameter found: full_field_list")',
    );
    expect(result.message).not.toContain('HyperParameters.num_round');
  });

  it('fails (major) when the built-in algorithm is not sent a configured hyperparameter', async () => {
    const NoRounds = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override getHyperparameters(): EncodedHyperparameters {
          const { num_round: _dropped, ...rest } = super.getHyperparameters();
          return this.config.algorithm_mode === 'builtin' ? rest : super.getHyperparameters();
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), NoRounds), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/algorithm_mode-builtin\] the configured hyperparameter 'num_round' is not sent to the built-in algorithm$/);
  });

  it('fails (major) when each hyperparameter is JSON-encoded twice', async () => {
    const result = await runCheck(
      withBuilderClass(
        realBuilder('PyTorchTraining'),
        pytorchEncoding((v) => JSON.stringify(JSON.stringify(v))),
      ),
      ID,
    );
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(`[default] HyperParameters.batch_size is '"32"', which decodes to "32", not the configured 32`);
  });

  it('fails (major) when hyperparameters are sent as str() instead of json.dumps', async () => {
    const result = await runCheck(
      withBuilderClass(
        realBuilder('PyTorchTraining'),
        pytorchEncoding((v) => String(v)),
      ),
      ID,
    );
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain("[default] HyperParameters.tokenizer is 'bert-base-uncased', which is not json.dumps output");
  });

  it('fails (major) when the uploaded hyperparameters file changes a configured value', async () => {
    const Rounding = {
      XGBoostTrainingStepBuilder: class extends XGBoostTrainingStepBuilder {
        override hyperparametersFileContent(): Record<string, unknown> {
          const content = super.hyperparametersFileContent();
          return { ...content, eta: Math.round(Number(content['eta'])) };
        }
      },
    }.XGBoostTrainingStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('XGBoostTraining'), Rounding), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toMatch(/^\[default\] 'eta' is 0 in s3:\/\/\S+hyperparameters\.json, not the configured 0\.1/);
  });
});
