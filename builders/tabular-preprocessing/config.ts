import { knownImageVersions } from '@stepscore/sagemaker';
import { jobTypeField, processingConfigShape, type JobType, type ProcessingConfig } from '@stepscore/step-builder';
import { z } from 'zod';

/** CPU instance types only: scikit-learn has no GPU image. */
export const SKLEARN_PROCESSING_INSTANCE_TYPES = [
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
  'ml.r5.4xlarge',
] as const;

const splitRatio = (fallback: number) =>
  z
    .number()
    // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
    .refine((v) => v > 0 && v < 1, { error: (issue) => `Split ratio must be strictly between 0 and 1, got ${String(issue.input)}` })
    .default(fallback);

// Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
const columnList = z.array(z.string().min(1, { error: 'column names must not be empty' })).default([]);

export const tabularPreprocessingConfigSchema = z.strictObject({
  ...processingConfigShape({
    // Stryker disable next-line StringLiteral: frameworkLabel only words the config's error messages
    frameworkLabel: 'scikit-learn',
    instanceTypes: SKLEARN_PROCESSING_INSTANCE_TYPES,
    defaultInstanceType: 'ml.m5.2xlarge',
    frameworkVersions: knownImageVersions('sklearn', 'processing').map((v) => v.version),
    defaultFrameworkVersion: '1.2-1',
    defaultEntryPoint: 'tabular_preprocessing.py',
    // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
    sourceDirDescription: 'the s3:// folder that holds the script (the job runs <folder>/<processing_entry_point>)',
  }),
  job_type: jobTypeField('training'),
  /** The reference's `label_name`, named after the variable the script reads (LABEL_FIELD). */
  // Stryker disable next-line StringLiteral: message wording; a refused config is judged by the field its issue names, never by the text
  label_field: z.string().min(1, { error: 'label_field must be a non-empty string' }),
  train_ratio: splitRatio(0.7),
  test_val_ratio: splitRatio(0.5),
  categorical_columns: columnList,
  numerical_columns: columnList,
  text_columns: columnList,
  date_columns: columnList,
});

export type TabularPreprocessingConfig = ProcessingConfig & z.output<typeof tabularPreprocessingConfigSchema> & { job_type: JobType };
