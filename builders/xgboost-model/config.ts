import { checkInferencePyVersion, inferenceFrameworkVersions, modelConfigShape, type ModelConfig, s3UriField } from '@stepscore/step-builder';
import { z } from 'zod';

/** The XGBoost image serves on CPU and GPU alike. */
export const XGBOOST_INFERENCE_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.c5.large',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.g4dn.xlarge',
] as const;

/** The config's settings before the rules across them: a schema variant (a test, a seeded defect) spreads it and edits one. */
export const xgboostModelConfigShape = {
  ...modelConfigShape({
    // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
    frameworkLabel: 'XGBoost',
    instanceTypes: XGBOOST_INFERENCE_INSTANCE_TYPES,
    defaultInstanceType: 'ml.m5.large',
    // 1.0-1 has a CPU image only; the others serve on both.
    frameworkVersions: inferenceFrameworkVersions('xgboost').filter((v) => v !== '1.0-1'),
    defaultFrameworkVersion: '1.7-1',
    defaultPyVersion: 'py3',
  }),
  /** The inference code bundle the container downloads in script mode (SAGEMAKER_SUBMIT_DIRECTORY). */
  source_dir: s3UriField('the s3:// URI of the inference code bundle (a .tar.gz)')
    .refine((v) => v.endsWith('.tar.gz'), { error: 'must be a .tar.gz bundle holding the inference script' })
    .optional(),
};

export const xgboostModelConfigSchema = z
  .strictObject(xgboostModelConfigShape)
  .superRefine(
    checkInferencePyVersion(
      'xgboost',
      // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
      'XGBoost',
    ),
  )
  .superRefine((value, ctx) => {
    if ((value.inference_entry_point === undefined) !== (value.source_dir === undefined)) {
      const missing = value.source_dir === undefined ? 'source_dir' : 'inference_entry_point';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        // Stryker disable next-line all: message wording; the issue's path is set above, this line only words the text
        message: `${missing} is required with ${missing === 'source_dir' ? 'inference_entry_point' : 'source_dir'}: give both (script mode) or neither (the container serves the model itself)`,
      });
    }
  });

export type XGBoostModelConfig = ModelConfig & z.output<typeof xgboostModelConfigSchema>;
