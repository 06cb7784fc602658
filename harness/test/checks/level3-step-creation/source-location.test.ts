import { type EncodedHyperparameters, frameworkHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { PyTorchModelStepBuilder } from '../../../../builders/pytorch-model/index.js';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
import { XGBoostModelStepBuilder } from '../../../../builders/xgboost-model/index.js';
import { buildersJudgedBy, realBuilder, runCheck, withBuilderClass } from '../../support/broken-builders.js';

const ID = 'level3.source_location';

/** PyTorch as registered, the code location it hands the container computed by `location`. */
function pytorchSubmitting(location: (builder: PyTorchTrainingStepBuilder) => string) {
  return {
    PyTorchTrainingStepBuilder: class extends PyTorchTrainingStepBuilder {
      override getHyperparameters(): EncodedHyperparameters {
        const framework = frameworkHyperparameters({ entryPoint: this.config.training_entry_point, submitDirectory: location(this), region: this.awsRegion });
        return { ...super.getHyperparameters(), ...framework };
      }
    },
  }.PyTorchTrainingStepBuilder;
}

describe(ID, () => {
  it.each(buildersJudgedBy(ID).map((r) => [r.stepName, r] as const))('passes on %s', async (_name, registration) => {
    const result = await runCheck(registration, ID);
    expect(result.status, result.message).toBe('pass');
  });

  it('fails (major) when the code location is a local directory, as the SDK would take before uploading it', async () => {
    const result = await runCheck(
      withBuilderClass(
        realBuilder('PyTorchTraining'),
        pytorchSubmitting(() => 'src/training'),
      ),
      ID,
    );
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain(
      `[default] sagemaker_submit_directory is "\\"src/training\\""; the container can only unpack an s3:// location of a .tar.gz`,
    );
  });

  it('fails (major) when the code location is the S3 folder, not the tarball in it', async () => {
    const folder = (b: PyTorchTrainingStepBuilder) => String(b.config.source_dir).replace(/\/[^/]+\.tar\.gz$/, '/');
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchTraining'), pytorchSubmitting(folder)), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('[default] sagemaker_submit_directory is "\\"s3://stepscore-example-bucket/code/pytorch/\\""');
  });

  it('judges the CreateModel builders too', () => {
    expect(buildersJudgedBy(ID).map((r) => r.stepName)).toEqual(expect.arrayContaining(['PyTorchModel', 'XGBoostModel']));
  });

  it('fails (major) when a model that packs its code with the model names the code directory relative to nothing', async () => {
    // "code/ inside model.tar.gz": the container resolves SAGEMAKER_SUBMIT_DIRECTORY as it is, not under /opt/ml/model.
    const Relative = {
      PyTorchModelStepBuilder: class extends PyTorchModelStepBuilder {
        override getSubmitDirectory(): string {
          return 'code';
        }
      },
    }.PyTorchModelStepBuilder;
    const result = await runCheck(withBuilderClass(realBuilder('PyTorchModel'), Relative), ID);
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('major');
    expect(result.message).toContain('[default] SAGEMAKER_SUBMIT_DIRECTORY is "code"; the serving container can only unpack an s3:// location of a .tar.gz');
  });

  it('fails (major) when a model in script mode hands the container the S3 folder of its code bundle, not the bundle', async () => {
    // The default config runs an inference script; the overrides scenario gives source_dir a probe bundle of its own.
    const registration = realBuilder('XGBoostModel');
    const AnyLocation = {
      XGBoostModelStepBuilder: class extends XGBoostModelStepBuilder {
        override getSubmitDirectory(): string {
          return super.getSubmitDirectory().replace(/\/[^/]+\.tar\.gz$/, '/');
        }
      },
    }.XGBoostModelStepBuilder;
    const result = await runCheck(withBuilderClass(registration, AnyLocation), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/\[overrides\] SAGEMAKER_SUBMIT_DIRECTORY is "s3:\/\/\S+\/"; the serving container can only unpack/);
  });
});
