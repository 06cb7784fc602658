import { type EncodedHyperparameters, frameworkHyperparameters } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { PyTorchTrainingStepBuilder } from '../../../../builders/pytorch-training/index.js';
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
});
