// What a framework estimator of the SageMaker Python SDK does by itself, for settings its user leaves out.

/** One framework estimator's own behaviour (SDK v2.257.6). */
export interface FrameworkEstimatorDefaults {
  /** The registration `framework` whose estimator this is. */
  readonly framework: string;
  readonly estimator: string;
  /**
   * From this framework version on, the estimator turns SageMaker metrics time series on
   * (`EnableSageMakerMetricsTimeSeries`) when `enable_sagemaker_metrics` is not given.
   */
  readonly metricsTimeSeriesFrom: string;
  /**
   * Whether the estimator always has a distribution (`distribution or {}`): the SDK then counts every job as distributed
   * when it switches the debugger hook off for checkpoints synced both ways (`checkpoint_s3_uri` and
   * `checkpoint_local_path`), as it does for any job of more than one instance or a parameterised count.
   */
  readonly alwaysHasDistribution: boolean;
  /** Where the SDK turns metrics time series on. */
  readonly metricsSource: string;
  /** Where the SDK switches the debugger hook off for checkpoints in a distributed job. */
  readonly debuggerSource: string;
}

const DEBUGGER_OFF =
  'sagemaker/estimator.py EstimatorBase._validate_and_set_debugger_configs (the developer guide: Debugger is not available with distributed training and SageMaker checkpoints)';

export const PYTORCH_ESTIMATOR_DEFAULTS: FrameworkEstimatorDefaults = {
  framework: 'pytorch',
  estimator: 'sagemaker.pytorch.PyTorch',
  metricsTimeSeriesFrom: '1.3',
  alwaysHasDistribution: true,
  metricsSource: 'sagemaker/pytorch/estimator.py PyTorch.__init__',
  debuggerSource: `${DEBUGGER_OFF}; sagemaker/pytorch/estimator.py PyTorch.__init__ sets distribution = distribution or {}`,
};

export const TENSORFLOW_ESTIMATOR_DEFAULTS: FrameworkEstimatorDefaults = {
  framework: 'tensorflow',
  estimator: 'sagemaker.tensorflow.TensorFlow',
  metricsTimeSeriesFrom: '1.15',
  alwaysHasDistribution: false,
  metricsSource: 'sagemaker/tensorflow/estimator.py TensorFlow.__init__',
  debuggerSource: DEBUGGER_OFF,
};

const ESTIMATOR_DEFAULTS: readonly FrameworkEstimatorDefaults[] = [PYTORCH_ESTIMATOR_DEFAULTS, TENSORFLOW_ESTIMATOR_DEFAULTS];

/** The SDK estimator's own behaviour for a framework; undefined when none is listed here. */
export function frameworkEstimatorDefaultsFor(framework: string): FrameworkEstimatorDefaults | undefined {
  return ESTIMATOR_DEFAULTS.find((d) => d.framework === framework);
}

/** `pytorch-training:2.1.0-gpu-py310` → `2.1.0`: the framework version a SageMaker framework image's tag starts with. */
export function imageTagVersion(image: string): string | undefined {
  return /:(\d+(?:\.\d+)*)(?:-|$)/.exec(image)?.[1];
}
