// Hyperparameter ranges SageMaker documents for a built-in algorithm: an oracle that does not come from a builder's
// own config schema, so probes built from it can tell a schema rule that was weakened (an enum value lost, a
// minimum turned into a maximum) from one that agrees with itself. Only what the documentation states is listed.

/** One documented hyperparameter: its kind, and its range or values as the documentation gives them. */
export interface DocumentedHyperparameter {
  readonly name: string;
  readonly kind: 'integer' | 'float' | 'enum';
  /** Inclusive bounds; `exclusiveMinimum` for a range written `(a, b]`. */
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly values?: readonly string[];
  /** The documentation's words for the valid values. */
  readonly documented: string;
}

/** One input channel a built-in algorithm documents: its name, whether a training job needs it, its content types. */
export interface DocumentedChannel {
  readonly name: string;
  readonly required: boolean;
  /** The MIME types the channel's data may have (a channel's `ContentType`, before any `;` parameters). */
  readonly contentTypes: readonly string[];
}

export interface DocumentedAlgorithm {
  /** The registration `framework` whose training image runs this algorithm. */
  readonly framework: string;
  readonly algorithm: string;
  readonly source: string;
  readonly hyperparameters: readonly DocumentedHyperparameter[];
  /**
   * Every hyperparameter name the algorithm's container takes, aliases included: it refuses a job whose
   * hyperparameters hold any other name before it reads any data.
   */
  readonly acceptedNames: readonly string[];
  /** Where `acceptedNames` comes from. */
  readonly acceptedNamesSource: string;
  /** The training channels the algorithm reads, and the page that documents them. */
  readonly channels: readonly DocumentedChannel[];
  readonly channelsSource: string;
}

const XGBOOST_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost_hyperparameters.html';
const XGBOOST_CONTENT_TYPES = ['text/libsvm', 'text/csv', 'application/x-parquet', 'application/x-recordio-protobuf'] as const;

/** The SageMaker XGBoost algorithm's hyperparameters with a documented type and range (the subset our probes use). */
export const XGBOOST_ALGORITHM: DocumentedAlgorithm = {
  framework: 'xgboost',
  algorithm: 'the SageMaker XGBoost algorithm',
  source: XGBOOST_SOURCE,
  hyperparameters: [
    { name: 'num_round', kind: 'integer', documented: 'Required. Valid values: integer' },
    { name: 'eta', kind: 'float', minimum: 0, maximum: 1, documented: 'Valid values: Float. Range: [0,1]' },
    { name: 'gamma', kind: 'float', minimum: 0, documented: 'Valid values: Float. Range: [0,∞)' },
    { name: 'max_depth', kind: 'integer', minimum: 0, documented: 'Valid values: Integer. Range: [0,∞)' },
    { name: 'min_child_weight', kind: 'float', minimum: 0, documented: 'Valid values: Float. Range: [0,∞)' },
    { name: 'subsample', kind: 'float', minimum: 0, maximum: 1, documented: 'Valid values: Float. Range: [0,1]' },
    { name: 'colsample_bytree', kind: 'float', minimum: 0, maximum: 1, documented: 'Valid values: Float. Range: [0,1]' },
    { name: 'booster', kind: 'enum', values: ['gbtree', 'gblinear', 'dart'], documented: 'Valid values: String. One of "gbtree", "gblinear", or "dart"' },
    {
      name: 'tree_method',
      kind: 'enum',
      values: ['auto', 'exact', 'approx', 'hist', 'gpu_hist'],
      documented: 'Valid values: String. One of "auto", "exact", "approx", "hist", or "gpu_hist"',
    },
    { name: 'early_stopping_rounds', kind: 'integer', documented: 'Valid values: integer' },
  ],
  // The container's algorithm mode validates the hyperparameters against its own table and raises
  // "Extraneous hyperparameter found: <name>" for a name outside it. The union of that table in two releases
  // (one still takes `silent`), of the developer guide's table, of the four aliases the container declares, and of
  // `use_dask_gpu_training`, which the guide documents for distributed GPU training from release 1.5. A name a later
  // release takes belongs here too: until it is added, a builder that sends it fails `hyperparameters_encoded`.
  acceptedNames: [
    ...['num_round', 'csv_weights', 'early_stopping_rounds', 'booster', 'silent', 'verbosity', 'nthread', 'eta', 'gamma', 'max_depth'],
    ...['min_child_weight', 'max_delta_step', 'subsample', 'colsample_bytree', 'colsample_bylevel', 'colsample_bynode', 'lambda', 'alpha'],
    ...['tree_method', 'sketch_eps', 'scale_pos_weight', 'updater', 'dsplit', 'refresh_leaf', 'process_type', 'grow_policy', 'max_leaves'],
    ...['max_bin', 'predictor', 'monotone_constraints', 'interaction_constraints', 'sample_type', 'normalize_type', 'rate_drop', 'one_drop'],
    ...['skip_drop', 'lambda_bias', 'tweedie_variance_power', 'objective', 'num_class', 'base_score', '_kfold', '_num_cv_round'],
    ...['_tuning_objective_metric', 'eval_metric', 'seed', 'num_parallel_tree', 'save_model_on_termination', 'aft_loss_distribution'],
    ...['aft_loss_distribution_scale', 'single_precision_histogram', 'deterministic_histogram', 'sampling_method', 'prob_buffer_row'],
    ...['learning_rate', 'min_split_loss', 'reg_lambda', 'reg_alpha', 'use_dask_gpu_training'],
  ],
  acceptedNamesSource: `aws/sagemaker-xgboost-container, src/sagemaker_xgboost_container/algorithm_mode/hyperparameter_validation.py (initialize); ${XGBOOST_SOURCE}; https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html (use_dask_gpu_training)`,
  // "Input/Output interface for the XGBoost algorithm": a train channel, an optional validation channel; training
  // ContentType text/libsvm (the default), text/csv, application/x-parquet or application/x-recordio-protobuf.
  channels: [
    { name: 'train', required: true, contentTypes: XGBOOST_CONTENT_TYPES },
    { name: 'validation', required: false, contentTypes: XGBOOST_CONTENT_TYPES },
  ],
  channelsSource: 'https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost-how-to-use.html',
};

const DOCUMENTED_ALGORITHMS: readonly DocumentedAlgorithm[] = [XGBOOST_ALGORITHM];

/** The documented algorithm a training image of this framework runs; undefined when none is documented here. */
export function documentedAlgorithmFor(framework: string): DocumentedAlgorithm | undefined {
  return DOCUMENTED_ALGORITHMS.find((a) => a.framework === framework);
}

/**
 * Values inside the documented range, away from its bounds (where documentation and a careful schema may differ on
 * whether the bound itself is allowed): every value of an enum, one number otherwise.
 */
export function valuesInside(h: DocumentedHyperparameter): readonly (string | number)[] {
  if (h.kind === 'enum') return h.values ?? [];
  const low = h.minimum ?? h.exclusiveMinimum;
  const value = h.maximum !== undefined && low !== undefined ? (low + h.maximum) / 2 : (low ?? 0) + 3;
  return [h.kind === 'integer' ? Math.ceil(value) : value];
}

/** Values the documentation rules out, each with why: below, above, not a whole number, not one of the values. */
export function valuesOutside(h: DocumentedHyperparameter): readonly { readonly value: string | number; readonly why: string }[] {
  if (h.kind === 'enum') return [{ value: 'not-a-documented-value', why: `not one of ${(h.values ?? []).join(', ')}` }];
  const out: { value: string | number; why: string }[] = [];
  if (h.minimum !== undefined) out.push({ value: h.minimum - 1, why: `below ${h.minimum}` });
  if (h.exclusiveMinimum !== undefined) out.push({ value: h.exclusiveMinimum, why: `not above ${h.exclusiveMinimum}` });
  if (h.maximum !== undefined) out.push({ value: h.maximum + 0.5, why: `above ${h.maximum}` });
  if (h.kind === 'integer') out.push({ value: Number(valuesInside(h)[0]) + 0.5, why: 'not a whole number' });
  return out;
}
