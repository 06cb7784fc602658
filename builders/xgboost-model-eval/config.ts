import { knownImageVersions } from '@stepscore/sagemaker';
import { jobTypeField, processingConfigShape, s3UriField, type JobType, type ProcessingConfig } from '@stepscore/step-builder';
import { z } from 'zod';

export const XGBOOST_PROCESSING_INSTANCE_TYPES = [
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.m5.4xlarge',
  'ml.m5.12xlarge',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.c5.4xlarge',
  'ml.r5.xlarge',
  'ml.r5.2xlarge',
  'ml.g4dn.xlarge',
  'ml.g4dn.2xlarge',
] as const;

/** XGBoost versions whose one image serves CPU and GPU alike (1.0-1 has a CPU image only). */
export const XGBOOST_PROCESSING_VERSIONS = knownImageVersions('xgboost', 'processing')
  .map((v) => v.version)
  .filter((v) => v !== '1.0-1');

export const xgboostModelEvalConfigSchema = z.strictObject({
  ...processingConfigShape({
    // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
    frameworkLabel: 'XGBoost',
    instanceTypes: XGBOOST_PROCESSING_INSTANCE_TYPES,
    defaultInstanceType: 'ml.m5.xlarge',
    frameworkVersions: XGBOOST_PROCESSING_VERSIONS,
    defaultFrameworkVersion: '1.7-1',
    defaultEntryPoint: 'xgboost_model_evaluation.py',
    // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
    sourceDirDescription: 'the s3:// URI of the source bundle',
  }),
  // The SDK's FrameworkProcessor only takes an S3 bundle named sourcedir.tar.gz; say so before it would fail.
  processing_source_dir: s3UriField('the s3:// URI of the source bundle').refine((v) => v.endsWith('/sourcedir.tar.gz'), {
    // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
    error: 'must be an S3 object named sourcedir.tar.gz (a framework processor unpacks only that name)',
  }),
  job_type: jobTypeField('calibration'),
  /** The id and label columns of the evaluation data (ID_FIELD, LABEL_FIELD). */
  // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
  id_field: z.string().min(1, { error: 'id_field must be a non-empty string' }),
  // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
  label_field: z.string().min(1, { error: 'label_field must be a non-empty string' }),
});

export type XGBoostModelEvalConfig = ProcessingConfig & z.output<typeof xgboostModelEvalConfigSchema> & { job_type: JobType };
