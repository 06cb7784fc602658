// A deterministic catalogue of N synthetic builders of the four step types, derived from the registered ones, for the benchmark:
// distinct step names, specs drawn from realistic vocabularies (whose dependencies point at one another), and
// varied configs, every one of them valid, so that a run measures the real path and not error paths. Each
// builder's outputs are also offered as upstream producers, so the Integration level resolves every builder
// against all the others.
import { knownTrainingVersions, retrieveTrainingImageUri, type TrainingFramework } from '@stepscore/sagemaker';
import {
  AWS_REGION_BY_CODE,
  type AnyBuilderRegistration,
  type BuilderRegistration,
  BuilderRegistry,
  REGION_CODES,
  type RegionCode,
} from '@stepscore/step-builder';
import {
  DependencyType,
  type DependencySpecInput,
  NodeType,
  type OutputSpecInput,
  type StepSpecificationInput,
  type TrainingScriptContract,
} from '@stepscore/step-model';
import { PYTORCH_TRAINING_INSTANCE_TYPES } from '../../builders/pytorch-training/config.js';
import { pytorchTraining } from '../../builders/pytorch-training/index.js';
import { XGBOOST_TRAINING_INSTANCE_TYPES } from '../../builders/xgboost-training/config.js';
import { xgboostTraining } from '../../builders/xgboost-training/index.js';
import { batchTransform } from '../../builders/batch-transform/index.js';
import { pytorchModel } from '../../builders/pytorch-model/index.js';
import { tabularPreprocessing } from '../../builders/tabular-preprocessing/index.js';
import { xgboostModel } from '../../builders/xgboost-model/index.js';
import { xgboostModelEval } from '../../builders/xgboost-model-eval/index.js';
import { IndexedCatalogue } from '../src/catalogue/indexed-catalogue.js';
import { trainingProducer } from '../src/catalogue/steps/training-step.js';
import { upstreamCatalogue, type UpstreamCatalogue } from '../src/catalogue/upstream-catalogue.js';
import { type Random, seededRandom } from './seeded-random.js';

export const DEFAULT_SEED = 20250816;

const PREFIXES = [
  'Fraud',
  'Churn',
  'Risk',
  'Credit',
  'Demand',
  'Pricing',
  'Search',
  'Ranking',
  'Ads',
  'Text',
  'Vision',
  'Forecast',
  'Anomaly',
  'Propensity',
  'Uplift',
  'Claims',
  'Payments',
  'Buyer',
  'Seller',
  'Catalog',
] as const;

/** Names of the main training-data input; each resolves to the preprocessing step's output. */
const DATA_INPUT_NAMES = ['input_path', 'training_data', 'train_data', 'input_data', 'processed_data', 'training_dataset', 'model_input_data'] as const;
const DATA_KEYWORDS = ['data', 'input', 'training', 'dataset', 'processed', 'train', 'tabular', 'features', 'records'] as const;
const DATA_SOURCES = ['ProcessingStep', 'DataLoad', 'RiskTableMapping', 'CurrencyConversion'] as const;

/** Optional inputs taking another team's trained model (warm start) or evaluation output. */
const MODEL_INPUT_NAMES = ['pretrained_model', 'base_model', 'warm_start_model', 'init_model'] as const;
const MODEL_KEYWORDS = ['model', 'pretrained', 'artifacts', 'weights', 'checkpoint', 'trained'] as const;
const HOLDOUT_INPUT_NAMES = ['validation_data', 'eval_data', 'holdout_data', 'calibration_data'] as const;
const HOLDOUT_KEYWORDS = ['validation', 'eval', 'holdout', 'evaluation', 'data', 'predictions'] as const;

/** Teams copy output declarations from templates: a few alias sets per output, not arbitrary ones. */
const MODEL_OUTPUT_ALIASES: readonly (readonly string[])[] = [
  ['ModelArtifacts', 'model_data', 'output_path', 'model_input'],
  ['ModelOutputPath', 'ModelArtifacts', 'model_data', 'output_path', 'model_input'],
  ['trained_model', 'model_artifacts', 'model_input'],
  ['ModelArtifacts', 'model_input', 'model_uri'],
];
const EVALUATION_OUTPUT_NAMES = ['data_output', 'evaluation_output', 'eval_output', 'prediction_output', 'metrics_output'] as const;
const EVALUATION_OUTPUT_ALIASES: readonly (readonly string[])[] = [
  ['evaluation_data', 'eval_data', 'validation_output', 'test_output', 'prediction_results'],
  ['eval_data', 'predictions'],
  ['validation_output', 'test_output'],
  ['prediction_results', 'holdout_predictions', 'evaluation_data'],
];

const FEATURE_WORDS = [
  'age',
  'income',
  'tenure',
  'balance',
  'region',
  'device',
  'channel',
  'amount',
  'score',
  'count',
  'ratio',
  'days',
  'category',
  'merchant',
  'country',
];

export interface SyntheticBuilder {
  readonly registration: BuilderRegistration;
  /** A training builder's outputs as an upstream producer that other builders may resolve against. */
  readonly producer?: UpstreamCatalogue['producers'][number];
}

export interface SyntheticCatalogue {
  readonly seed: number;
  readonly builders: readonly SyntheticBuilder[];
  readonly registrations: readonly BuilderRegistration[];
  readonly registry: BuilderRegistry;
  /** The built-in producers and consumers, plus every synthetic builder as a producer. */
  readonly upstream: UpstreamCatalogue;
}

interface ImageChoice {
  readonly frameworkVersion: string;
  readonly pyVersion: string;
  readonly instanceType: string;
}

/** Every version, Python version and allow-listed instance type with a training image in each region a config can name. */
function imageChoices(framework: TrainingFramework, instanceTypes: readonly string[]): ImageChoice[] {
  const choices: ImageChoice[] = [];
  for (const version of knownTrainingVersions(framework)) {
    for (const pyVersion of version.pyVersions) {
      for (const instanceType of instanceTypes) {
        const available = REGION_CODES.every((code) => {
          try {
            retrieveTrainingImageUri({ framework, version: version.version, pyVersion, instanceType, region: AWS_REGION_BY_CODE[code] });
            return true;
          } catch {
            return false;
          }
        });
        if (available) choices.push({ frameworkVersion: version.version, pyVersion, instanceType });
      }
    }
  }
  return choices;
}

function snakeCase(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The step types of up to `count` other synthetic builders, as a dependency's compatible sources. */
function otherStepTypes(random: Random, stepNames: readonly string[], self: number, count: number): string[] {
  if (stepNames.length < 2) return [];
  const chosen = new Set<string>();
  for (let tries = 0; chosen.size < count && tries < count * 4; tries++) {
    const other = random.int(0, stepNames.length - 1);
    if (other !== self) chosen.add(stepNames[other] as string);
  }
  return [...chosen];
}

interface SpecParts {
  readonly spec: StepSpecificationInput;
  readonly contract: TrainingScriptContract;
}

function specFor(random: Random, base: AnyBuilderRegistration, stepName: string, stepNames: readonly string[], index: number, entryPoint: string): SpecParts {
  const dataInput = random.pick(DATA_INPUT_NAMES);
  const dependencies: DependencySpecInput[] = [
    {
      logicalName: dataInput,
      dependencyType: random.chance(0.7) ? DependencyType.TRAINING_DATA : DependencyType.PROCESSING_OUTPUT,
      required: true,
      compatibleSources: [
        'ProcessingStep',
        ...random.sample(
          DATA_SOURCES.filter((s) => s !== 'ProcessingStep'),
          random.int(0, 2),
        ),
        ...otherStepTypes(random, stepNames, index, random.int(0, 2)),
      ],
      semanticKeywords: random.sample(DATA_KEYWORDS, random.int(3, 7)),
      dataType: 'S3Uri',
      description: `${stepName} training dataset with train/val/test subdirectories`,
    },
  ];
  const inputPaths: Record<string, string> = { [dataInput]: '/opt/ml/input/data' };

  if (base.framework === 'xgboost') {
    // The XGBoost builder writes hyperparameters.json itself unless this input supplies one.
    const hyperparameters = base.spec.dependencies.find((d) => d.logicalName === 'hyperparameters_s3_uri') as DependencySpecInput;
    dependencies.push({ ...hyperparameters, compatibleSources: [...(hyperparameters.compatibleSources ?? [])] });
    inputPaths['hyperparameters_s3_uri'] = base.contract!.expectedInputPaths['hyperparameters_s3_uri'] as string;
  }
  if (random.chance(0.5)) {
    const name = random.pick(MODEL_INPUT_NAMES);
    dependencies.push({
      logicalName: name,
      dependencyType: DependencyType.MODEL_ARTIFACTS,
      required: false,
      // Optional inputs taken from whichever team offers the best match name no sources: a dependency that names
      // them must resolve to one of them (level4.dependency_resolution), which a random list would not.
      compatibleSources: [],
      semanticKeywords: random.sample(MODEL_KEYWORDS, random.int(2, 4)),
      dataType: 'S3Uri',
      description: 'Model artifacts to warm-start from',
    });
    inputPaths[name] = '/opt/ml/input/data/pretrained';
  }
  if (random.chance(0.4)) {
    const name = random.pick(HOLDOUT_INPUT_NAMES);
    dependencies.push({
      logicalName: name,
      dependencyType: random.chance(0.5) ? DependencyType.PROCESSING_OUTPUT : DependencyType.TRAINING_DATA,
      required: false,
      compatibleSources: [],
      semanticKeywords: random.sample(HOLDOUT_KEYWORDS, random.int(2, 4)),
      dataType: 'S3Uri',
      description: 'A held-out dataset to evaluate on',
    });
    inputPaths[name] = '/opt/ml/input/data/holdout';
  }

  const evaluationOutput = random.pick(EVALUATION_OUTPUT_NAMES);
  const outputs: OutputSpecInput[] = [
    {
      logicalName: 'model_output',
      outputType: DependencyType.MODEL_ARTIFACTS,
      propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
      dataType: 'S3Uri',
      aliases: [...random.pick(MODEL_OUTPUT_ALIASES)],
      description: `Trained ${stepName} model artifacts`,
    },
    {
      logicalName: evaluationOutput,
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: 'properties.OutputDataConfig.S3OutputPath',
      dataType: 'S3Uri',
      aliases: random.pick(EVALUATION_OUTPUT_ALIASES).filter((alias) => alias !== evaluationOutput),
      description: `${stepName} evaluation results and predictions`,
    },
  ];
  const contract: TrainingScriptContract = {
    ...base.contract,
    entryPoint,
    expectedInputPaths: inputPaths,
    expectedOutputPaths: { model_output: '/opt/ml/model', [evaluationOutput]: '/opt/ml/output/data' },
    description: `${stepName} training script`,
  };
  return { spec: { stepType: stepName, nodeType: NodeType.INTERNAL, scriptContract: contract, dependencies, outputs }, contract };
}

function fieldLists(random: Random): Record<string, unknown> {
  const features = random.sample(FEATURE_WORDS, random.int(4, 12)).map((word, i) => `${word}_${i}`);
  const categorical = random.sample(features, random.int(1, Math.max(1, Math.floor(features.length / 2))));
  const tabular = features.filter((f) => !categorical.includes(f));
  const classes = random.int(2, 5);
  return {
    full_field_list: ['id', ...features, 'label'],
    cat_field_list: categorical,
    tab_field_list: tabular,
    id_name: 'id',
    label_name: 'label',
    multiclass_categories: Array.from({ length: classes }, (_, i) => i),
  };
}

function configFor(random: Random, base: AnyBuilderRegistration, stepName: string, image: ImageChoice, entryPoint: string): Record<string, unknown> {
  const snake = snakeCase(stepName);
  const region: RegionCode = random.pick(REGION_CODES);
  const hyperparameters =
    base.framework === 'xgboost'
      ? {
          ...fieldLists(random),
          num_round: random.int(50, 500),
          max_depth: random.int(3, 10),
          eta: random.pick([0.05, 0.1, 0.2, 0.3]),
          subsample: random.pick([0.6, 0.8, 1]),
          colsample_bytree: random.pick([0.5, 0.8, 1]),
          booster: random.pick(['gbtree', 'dart']),
          tree_method: random.pick(['auto', 'hist', 'approx']),
        }
      : {
          ...fieldLists(random),
          tokenizer: random.pick(['bert-base-uncased', 'distilbert-base-uncased', 'roberta-base']),
          batch_size: random.pick([16, 32, 64, 128]),
          max_epochs: random.int(1, 20),
          lr: random.pick([1e-5, 3e-5, 1e-4, 3e-4]),
          optimizer: random.pick(['adamw', 'sgd']),
        };
  return {
    ...base.defaultConfig,
    author: random.pick(['stepscore', 'ml-platform', 'risk-team', 'search-team']),
    bucket: `stepscore-bench-${random.pick(['a', 'b', 'c'])}`,
    region,
    service_name: snake.replace(/_/g, '-'),
    pipeline_version: `${random.int(1, 3)}.${random.int(0, 9)}.0`,
    model_class: base.framework,
    source_dir: `s3://stepscore-bench-code/${snake}/sourcedir.tar.gz`,
    training_entry_point: entryPoint,
    training_instance_type: image.instanceType,
    training_instance_count: random.int(1, 4),
    training_volume_size: random.pick([30, 50, 100, 200]),
    framework_version: image.frameworkVersion,
    py_version: image.pyVersion,
    max_runtime_in_seconds: random.pick([3600, 7200, 86_400]),
    ...(random.chance(0.3) ? { cache_expire_after: random.pick(['P7D', 'PT12H', 'P1M']) } : {}),
    hyperparameters,
  };
}

/** `<StepName>StepBuilder`, a subclass of the real builder that follows the synthetic spec. */
function builderClassFor(base: AnyBuilderRegistration, stepName: string, spec: StepSpecificationInput): BuilderRegistration['builderClass'] {
  const className = `${stepName}StepBuilder`;
  const Base = base.builderClass as unknown as new (config: never, options?: Record<string, unknown>) => object;
  return {
    [className]: class extends Base {
      constructor(config: never, options: Record<string, unknown> = {}) {
        super(config, { ...options, spec });
      }
    },
  }[className] as unknown as BuilderRegistration['builderClass'];
}

/** The registered builders of the other step types, which synthetic builders of those types copy. */
export const OTHER_STEP_TYPE_BASES: readonly AnyBuilderRegistration[] = [tabularPreprocessing, xgboostModelEval, pytorchModel, xgboostModel, batchTransform];

/** A copy of a Processing, CreateModel or Transform builder under a new step name, with a config of its own. */
function otherStepTypeBuilder(random: Random, base: AnyBuilderRegistration, stepName: string, index: number): SyntheticBuilder {
  const spec: StepSpecificationInput = { ...base.spec, stepType: stepName };
  const registration: BuilderRegistration = {
    ...(base as BuilderRegistration),
    stepName,
    description: `Synthetic ${base.stepType} builder #${index} for the benchmark, after ${base.stepName}`,
    builderClass: builderClassFor(base, stepName, spec),
    spec,
    defaultConfig: {
      ...base.defaultConfig,
      author: random.pick(['stepscore', 'ml-platform', 'risk-team', 'search-team']),
      region: random.pick(REGION_CODES),
      service_name: snakeCase(stepName).replace(/_/g, '-'),
      pipeline_version: `${random.int(1, 3)}.${random.int(0, 9)}.0`,
    },
  };
  return { registration };
}

/**
 * The entry point a config that leaves it out runs, when the base's schema gives one: builders that share a config
 * class share that default, so their contracts name it (a scenario that omits the field runs it).
 */
function schemaDefaultEntryPoint(base: AnyBuilderRegistration): string | undefined {
  // A property of the base alone: worked out once per base, not once per generated builder (a parse each).
  if (defaultEntryPoints.has(base)) return defaultEntryPoints.get(base);
  const entryPoint = readSchemaDefaultEntryPoint(base);
  defaultEntryPoints.set(base, entryPoint);
  return entryPoint;
}

const defaultEntryPoints = new WeakMap<AnyBuilderRegistration, string | undefined>();

function readSchemaDefaultEntryPoint(base: AnyBuilderRegistration): string | undefined {
  const parsed = (base.configSchema as { safeParse(v: unknown): { success: boolean; data?: Record<string, unknown> } }).safeParse({
    ...(base.defaultConfig as Record<string, unknown>),
    training_entry_point: undefined,
  });
  const value = parsed.success ? parsed.data?.['training_entry_point'] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * N valid synthetic builders, the same for the same seed: three in five are Training builders derived from the
 * PyTorch and XGBoost ones, the others copies of the Processing, CreateModel and Transform builders.
 */
export function generateSyntheticCatalogue(size: number, seed = DEFAULT_SEED): SyntheticCatalogue {
  const random = seededRandom(seed);
  const bases = [pytorchTraining, xgboostTraining] as readonly AnyBuilderRegistration[];
  const images: Readonly<Record<TrainingFramework, readonly ImageChoice[]>> = {
    pytorch: imageChoices('pytorch', PYTORCH_TRAINING_INSTANCE_TYPES),
    xgboost: imageChoices('xgboost', XGBOOST_TRAINING_INSTANCE_TYPES),
  };
  // Two in every five are other step types: the k-th of them copies base k mod 5, so every base is copied in turn.
  const kinds = Array.from({ length: size }, (_, i) =>
    i % 5 < 3 ? undefined : OTHER_STEP_TYPE_BASES[(2 * Math.floor(i / 5) + (i % 5) - 3) % OTHER_STEP_TYPE_BASES.length],
  );
  const stepNames = kinds.map((other, i) => `${PREFIXES[i % PREFIXES.length]}${i}${other ? other.stepType : 'Training'}`);
  const builders = stepNames.map((stepName, index): SyntheticBuilder => {
    const other = kinds[index];
    if (other) return otherStepTypeBuilder(random, other, stepName, index);
    const base = random.pick(bases);
    const framework = base.framework as TrainingFramework;
    const image = random.pick(images[framework]);
    const entryPoint = schemaDefaultEntryPoint(base) ?? `${snakeCase(stepName)}.py`;
    const { spec, contract } = specFor(random, base, stepName, stepNames, index, entryPoint);
    const registration: BuilderRegistration = {
      stepName,
      stepType: 'Training',
      framework: base.framework,
      description: `Synthetic ${base.framework} training builder #${index} for the benchmark`,
      builderClass: builderClassFor(base, stepName, spec),
      configSchema: base.configSchema,
      spec,
      contract,
      defaultConfig: configFor(random, base, stepName, image, entryPoint),
    };
    return { registration, producer: trainingProducer(stepName, spec, { framework, ...image }) };
  });
  const registrations = builders.map((b) => b.registration);
  return {
    seed,
    builders,
    registrations,
    registry: new BuilderRegistry(registrations),
    upstream: {
      producers: [...upstreamCatalogue.producers, ...builders.flatMap((b) => (b.producer ? [b.producer] : []))],
      consumers: upstreamCatalogue.consumers,
    },
  };
}

/** The synthetic catalogue with its upstream catalogue indexed, as a run uses it. */
export function syntheticRun(size: number, seed = DEFAULT_SEED): SyntheticCatalogue & { readonly catalogue: IndexedCatalogue } {
  const generated = generateSyntheticCatalogue(size, seed);
  return { ...generated, catalogue: new IndexedCatalogue(generated.upstream) };
}
