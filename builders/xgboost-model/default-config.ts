/** The config `stepscore render` and the harness use when none is given: valid, deterministic, no real account. */
export const xgboostModelDefaultConfig = {
  author: 'stepscore',
  bucket: 'stepscore-example-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'NA',
  service_name: 'bsm',
  pipeline_version: '1.0.0',
  model_class: 'xgboost',
  current_date: '2025-08-15',
  inference_instance_type: 'ml.m5.large',
  inference_entry_point: 'inference.py',
  source_dir: 's3://stepscore-example-bucket/code/xgboost-inference/sourcedir.tar.gz',
  framework_version: '1.7-1',
  py_version: 'py3',
} as const;
