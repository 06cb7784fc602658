// The hyperparameters the SageMaker Python SDK adds to a framework estimator's training job for its `distribution`
// argument: an oracle that does not come from a builder's own schema or code. A builder that sets `true` where the
// SDK sets the strategy's `enabled`, drops `sagemaker_instance_type`, or mixes in another strategy's hyperparameters
// agrees with itself; this table, read from the SDK, does not.
//
// Source: SageMaker Python SDK v2.257.6 (the version of the project's image tables):
//  - sagemaker/estimator.py, `Framework._distribution_configuration`: the strategies every framework estimator reads,
//    each one given at once (`parameter_server`, `mpi`, `smdistributed`), with the names of `EstimatorBase`'s
//    constants (LAUNCH_PS_ENV_NAME, LAUNCH_MPI_ENV_NAME, MPI_NUM_PROCESSES_PER_HOST, MPI_CUSTOM_MPI_OPTIONS,
//    LAUNCH_SM_DDP_ENV_NAME, INSTANCE_TYPE, SM_DDP_CUSTOM_MPI_OPTIONS);
//  - sagemaker/pytorch/estimator.py, `PyTorch._pytorch_distribution_configuration`: `torch_distributed`, when enabled,
//    replaces them (LAUNCH_TORCH_DISTRIBUTED_ENV_NAME, INSTANCE_TYPE_ENV_NAME), except that `smdistributed`, when
//    given with it, still adds its own;
//  - sagemaker/pytorch/estimator.py, `PyTorch.__init__`: `pytorchddp` is rewritten into
//    `smdistributed.dataparallel` before anything else reads it, and refused (ValueError) together with
//    `smdistributed` (since aws/sagemaker-python-sdk#4698, May 2024; before it, `sagemaker_pytorch_ddp_enabled`);
//  - `PyTorch.hyperparameters`: the values are JSON-encoded (`EstimatorBase._json_encode_hyperparameters`), a pipeline
//    variable kept as its `to_string()`.
// Not listed: `pytorchxla` (Training Compiler; its hyperparameters come from `compiler_config`), `instance_groups`
// (heterogeneous clusters) and `smdistributed.modelparallel`'s `mp_parameters`, none of which set a plain value; and
// the SDK's refusals that depend on the instance type or the image (fw_utils.validate_distribution: Trainium takes
// `torch_distributed` alone, SMDDP's instance types and framework versions).

/** Where a hyperparameter's value comes from: the strategy's `enabled`, one of its options, or the instance type. */
export type DistributionValue =
  | { readonly from: 'enabled' }
  | { readonly from: 'option'; readonly option: string; readonly otherwise?: unknown }
  | { readonly from: 'instance-type' };

export interface DistributionHyperparameter {
  readonly name: string;
  readonly value: DistributionValue;
  /** When the SDK sets it: once the strategy is given, only when it is enabled, or only when the option is truthy. */
  readonly when: 'given' | 'enabled' | 'option-given';
}

export interface DistributionStrategy {
  /** The strategy's key in `distribution`. */
  readonly member: string;
  /** Where its `enabled` and options sit below the member: `[]`, or `['dataparallel']` for `smdistributed`. */
  readonly optionsAt: readonly string[];
  readonly hyperparameters: readonly DistributionHyperparameter[];
  /** The SDK function that sets them. */
  readonly source: string;
}

/** A member the SDK rewrites into another strategy before reading any, and the member it may not be given with. */
export interface DistributionRewrite {
  readonly member: string;
  /** The path it is moved to: its value becomes the options there. */
  readonly into: readonly string[];
  readonly refusedWith: string;
  readonly source: string;
}

export interface DistributionTable {
  /** The registration `framework` whose estimator this is. */
  readonly framework: string;
  readonly estimator: string;
  readonly sdk: string;
  /** Read all at once when no launcher is enabled. */
  readonly strategies: readonly DistributionStrategy[];
  /** A strategy that, when enabled, replaces the others, unless `keeps` is given too: then they all apply as well. */
  readonly launcher?: DistributionStrategy & { readonly keeps: string };
  readonly rewrites: readonly DistributionRewrite[];
  /** Members the SDK documents together (an estimator that offers both must take them together), and where. */
  readonly documentedTogether: readonly { readonly members: readonly [string, string]; readonly source: string }[];
}

const FRAMEWORK_DISTRIBUTION = 'sagemaker/estimator.py Framework._distribution_configuration';
const PYTORCH_DISTRIBUTION_CONFIGURATION = 'sagemaker/pytorch/estimator.py PyTorch._pytorch_distribution_configuration';

const ENABLED = { from: 'enabled' } as const;
const INSTANCE_TYPE = { from: 'instance-type' } as const;

/** `distribution` of `sagemaker.pytorch.PyTorch`, SDK v2.257.6. */
export const PYTORCH_DISTRIBUTION: DistributionTable = {
  framework: 'pytorch',
  estimator: 'sagemaker.pytorch.PyTorch',
  sdk: 'SageMaker Python SDK v2.257.6',
  strategies: [
    {
      member: 'parameter_server',
      optionsAt: [],
      source: FRAMEWORK_DISTRIBUTION,
      hyperparameters: [{ name: 'sagemaker_parameter_server_enabled', value: ENABLED, when: 'given' }],
    },
    {
      member: 'mpi',
      optionsAt: [],
      source: FRAMEWORK_DISTRIBUTION,
      hyperparameters: [
        { name: 'sagemaker_mpi_enabled', value: ENABLED, when: 'given' },
        { name: 'sagemaker_mpi_num_of_processes_per_host', value: { from: 'option', option: 'processes_per_host' }, when: 'option-given' },
        { name: 'sagemaker_mpi_custom_mpi_options', value: { from: 'option', option: 'custom_mpi_options', otherwise: '' }, when: 'given' },
      ],
    },
    {
      member: 'smdistributed',
      optionsAt: ['dataparallel'],
      source: FRAMEWORK_DISTRIBUTION,
      hyperparameters: [
        { name: 'sagemaker_distributed_dataparallel_enabled', value: ENABLED, when: 'given' },
        { name: 'sagemaker_instance_type', value: INSTANCE_TYPE, when: 'given' },
        {
          name: 'sagemaker_distributed_dataparallel_custom_mpi_options',
          value: { from: 'option', option: 'custom_mpi_options', otherwise: '' },
          when: 'enabled',
        },
      ],
    },
  ],
  launcher: {
    member: 'torch_distributed',
    optionsAt: [],
    keeps: 'smdistributed',
    source: PYTORCH_DISTRIBUTION_CONFIGURATION,
    hyperparameters: [
      { name: 'sagemaker_torch_distributed_enabled', value: ENABLED, when: 'enabled' },
      { name: 'sagemaker_instance_type', value: INSTANCE_TYPE, when: 'enabled' },
    ],
  },
  rewrites: [
    {
      member: 'pytorchddp',
      into: ['smdistributed', 'dataparallel'],
      refusedWith: 'smdistributed',
      source: 'sagemaker/pytorch/estimator.py PyTorch.__init__ ("Cannot use both pytorchddp and smdistributed distribution options together.")',
    },
  ],
  documentedTogether: [
    {
      members: ['torch_distributed', 'smdistributed'],
      source:
        "PyTorch's `distribution` docstring (the SMP library v2 \"requires\" torch_distributed beside smdistributed) and PyTorch._pytorch_distribution_configuration, which adds smdistributed's hyperparameters beside torch_distributed's",
    },
  ],
};

const DISTRIBUTION_TABLES: readonly DistributionTable[] = [PYTORCH_DISTRIBUTION];

/** The SDK's distribution table for a framework's estimator; undefined when none is listed here. */
export function distributionTableFor(framework: string): DistributionTable | undefined {
  return DISTRIBUTION_TABLES.find((t) => t.framework === framework);
}

type Options = Readonly<Record<string, unknown>>;

function isOptions(value: unknown): value is Options {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionsOf(distribution: Options, strategy: DistributionStrategy): Options {
  let at: unknown = distribution[strategy.member];
  for (const key of strategy.optionsAt) at = isOptions(at) ? at[key] : undefined;
  return isOptions(at) ? at : {};
}

function strategyHyperparameters(distribution: Options, strategy: DistributionStrategy, instanceType: unknown): Record<string, unknown> {
  const options = optionsOf(distribution, strategy);
  // The SDK's `.get("enabled", False)`.
  const enabled = options['enabled'] ?? false;
  const set: Record<string, unknown> = {};
  for (const h of strategy.hyperparameters) {
    const option = h.value.from === 'option' ? options[h.value.option] : undefined;
    if (h.when === 'enabled' && !enabled) continue;
    if (h.when === 'option-given' && !option) continue;
    if (h.value.from === 'enabled') set[h.name] = enabled;
    else if (h.value.from === 'instance-type') set[h.name] = instanceType;
    else set[h.name] = option ?? h.value.otherwise;
  }
  return set;
}

/** What the SDK makes of a `distribution`: refused (why), or the hyperparameters it adds, before JSON encoding. */
export type SdkDistributionOutcome = { readonly refused: string } | { readonly hyperparameters: Readonly<Record<string, unknown>> };

/**
 * The hyperparameters the SDK's estimator adds for `distribution` on `instanceType` (the estimator's instance_type,
 * i.e. the request's ResourceConfig.InstanceType), as raw values; or why the SDK refuses the distribution.
 */
export function sdkDistributionHyperparameters(table: DistributionTable, distribution: Options, instanceType: unknown): SdkDistributionOutcome {
  let given: Record<string, unknown> = { ...distribution };
  for (const rewrite of table.rewrites) {
    if (!(rewrite.member in given)) continue;
    if (rewrite.refusedWith in given) return { refused: `${table.estimator} refuses '${rewrite.member}' with '${rewrite.refusedWith}' (${rewrite.source})` };
    const { [rewrite.member]: moved, ...rest } = given;
    const [top, ...below] = rewrite.into;
    given = { ...rest, [top as string]: below.reduceRight<unknown>((inner, key) => ({ [key]: inner }), moved) };
  }
  const all = () => Object.assign({}, ...table.strategies.filter((s) => s.member in given).map((s) => strategyHyperparameters(given, s, instanceType)));
  const launcher = table.launcher;
  if (launcher && launcher.member in given && optionsOf(given, launcher)['enabled']) {
    return { hyperparameters: { ...(launcher.keeps in given ? all() : {}), ...strategyHyperparameters(given, launcher, instanceType) } };
  }
  return { hyperparameters: all() };
}

/** Every hyperparameter name the table's strategies may set. */
export function distributionHyperparameterNames(table: DistributionTable): ReadonlySet<string> {
  const strategies = table.launcher ? [...table.strategies, table.launcher] : table.strategies;
  return new Set(strategies.flatMap((s) => s.hyperparameters.map((h) => h.name)));
}

/** Each member the SDK reads from `distribution` (rewritten ones included), with the least it takes to turn it on. */
export function distributionMembers(table: DistributionTable): readonly { readonly member: string; readonly enabled: Options }[] {
  const on = (path: readonly string[]): Options => path.reduceRight<Options>((inner, key) => ({ [key]: inner }), { enabled: true });
  return [
    ...table.rewrites.map((r) => ({ member: r.member, enabled: on([]) })),
    ...(table.launcher ? [{ member: table.launcher.member, enabled: on(table.launcher.optionsAt) }] : []),
    ...table.strategies.map((s) => ({ member: s.member, enabled: on(s.optionsAt) })),
  ];
}
