/** The config `stepscore render` and the harness use when none is given: valid, deterministic, no real account. */
export const pytorchModelDefaultConfig = {
  author: 'stepscore',
  bucket: 'stepscore-example-bucket',
  role: 'arn:aws:iam::123456789012:role/SageMakerRole',
  region: 'NA',
  service_name: 'bsm',
  pipeline_version: '1.0.0',
  model_class: 'pytorch',
  current_date: '2025-08-15',
  inference_instance_type: 'ml.m5.large',
  inference_entry_point: 'inference.py',
  framework_version: '2.1.0',
  py_version: 'py310',
} as const;
