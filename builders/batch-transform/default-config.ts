/** The config `stepscore render` and the harness use when none is given: valid, deterministic, no real account. */
export const batchTransformDefaultConfig = {
  author: 'stepscore',
  bucket: 'stepscore-example-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'NA',
  service_name: 'bsm',
  pipeline_version: '1.0.0',
  model_class: 'xgboost',
  current_date: '2025-08-15',
  job_type: 'testing',
  transform_instance_type: 'ml.m5.large',
  transform_instance_count: 1,
  content_type: 'text/csv',
  accept: 'text/csv',
  split_type: 'Line',
  assemble_with: 'Line',
} as const;
