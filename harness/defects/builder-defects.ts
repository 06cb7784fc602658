// Defects in builder code: each a subclass (named like the real class) that changes one method, as the builder's
// author would have written it.
import {
  type EncodedHyperparameters,
  encodeBuiltInHyperparameters,
  encodeHyperparameters,
  pythonJsonDumps,
  retrieveTrainingImageUri,
} from '@stepscore/sagemaker';
import {
  type CacheConfig,
  type CreateStepOptions,
  type DependencyStep,
  joinS3,
  type PipelineValue,
  type StepBuilderOptions,
  type TrainingChannel,
  type TrainingStepArguments,
  type TrainingStepDefinition,
  TrainingStepBuilder,
} from '@stepscore/step-builder';
import type { GetExpression } from '@stepscore/step-model';
import { PyTorchTrainingStepBuilder as RealPyTorchTrainingStepBuilder } from '../../builders/pytorch-training/builder.js';
import type { PyTorchTrainingConfig } from '../../builders/pytorch-training/config.js';
import { pytorchTrainingSpec } from '../../builders/pytorch-training/spec.js';
import { XGBoostTrainingStepBuilder as RealXGBoostTrainingStepBuilder } from '../../builders/xgboost-training/builder.js';
import { mockInputsFor } from '../src/context/mock-inputs.js';
import { everyDependencyFromLastStep } from './defect-edits.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withBuilderClass, withSpecAndContract } from './registration-variants.js';

const pytorchWith = (builderClass: unknown) => withBuilderClass(realBuilder('PyTorchTraining'), builderClass);
const xgboostWith = (builderClass: unknown) => withBuilderClass(realBuilder('XGBoostTraining'), builderClass);

/** Every channel of the step with one field of its data source or the channel itself changed. */
function editChannels(channels: readonly TrainingChannel[], edit: (channel: TrainingChannel) => TrainingChannel): TrainingChannel[] {
  return channels.map(edit);
}

const s3DataSource = (channel: TrainingChannel) => channel.DataSource?.S3DataSource as Record<string, unknown>;

// --- The schema admits what SageMaker refuses (names that break only when long) -------------------------------
const longNameDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.step-name-uncapped',
    title: 'A step name that breaks only when the job type is long',
    change: "getStepName() returns '<StepName>-<job_type>' itself, without the base class's 64-character cap",
    artefact: 'builder',
    defectClass: 'schema-admits-refused',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: '[max-names]',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getStepName(): string {
            const jobType = this.config.job_type;
            return jobType ? `PyTorchTraining-${jobType}` : 'PyTorchTraining';
          }
        },
      ),
  }),
];

// --- The request breaks the service model ----------------------------------------------------------------------
const serviceModelDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.channel-distribution-misspelt',
    title: "Channels shard their data with a distribution type SageMaker does not have ('Sharded')",
    change: "getInputs() sets S3DataDistributionType 'Sharded' on every channel (SageMaker's value is 'ShardedByS3Key')",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'S3DataDistributionType',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            return editChannels(await super.getInputs(inputs), (c) => ({
              ...c,
              DataSource: { S3DataSource: { ...s3DataSource(c), S3DataDistributionType: 'Sharded' } } as unknown as TrainingChannel['DataSource'],
            }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.channel-input-mode-invalid',
    title: "A channel input mode SageMaker does not have ('Stream')",
    change: "getInputs() sets InputMode 'Stream' on the data channel (SageMaker's modes are File, Pipe and FastFile)",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'InputMode',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            return editChannels(await super.getInputs(inputs), (c) => ({ ...c, InputMode: 'Stream' as TrainingChannel['InputMode'] }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.channel-compression-lowercase',
    title: "The data channel's compression type in lower case ('gzip')",
    change: "getInputs() sets CompressionType 'gzip' on every channel (SageMaker's value is 'Gzip')",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'CompressionType',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            return editChannels(await super.getInputs(inputs), (c) => ({ ...c, CompressionType: 'gzip' as TrainingChannel['CompressionType'] }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.channel-content-type-too-long',
    title: 'A content type longer than the 256 characters SageMaker allows',
    change: "getInputs() sets ContentType to 'text/csv; header=present; columns=<every field name>' with 40 generated column names",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ContentType',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const columns = Array.from({ length: 40 }, (_, i) => `feature_${i}`).join(',');
            return editChannels(await super.getInputs(inputs), (c) => ({ ...c, ContentType: `text/csv; header=present; columns=${columns}` }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.channel-name-bad-character',
    title: 'An input channel name with a space',
    change: "getInputs() names the data channel 'training data' instead of 'data'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ChannelName',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            return editChannels(await super.getInputs(inputs), (c) => (c.ChannelName === 'data' ? { ...c, ChannelName: 'training data' } : c));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.role-name-not-arn',
    title: 'The job is given the role name where SageMaker wants its ARN',
    change: "createStep() sets RoleArn to the part of the role after 'role/' ('SageMakerRole')",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'RoleArn',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            return { ...step, Arguments: { ...step.Arguments, RoleArn: this.role.split('role/').pop() ?? this.role } };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.training-input-mode-lowercase',
    title: "The algorithm's training input mode in lower case ('file')",
    change: "createStep() sets AlgorithmSpecification.TrainingInputMode 'file'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'TrainingInputMode',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            const algorithm = step.Arguments.AlgorithmSpecification as Record<string, unknown>;
            return { ...step, Arguments: { ...step.Arguments, AlgorithmSpecification: { ...algorithm, TrainingInputMode: 'file' } as never } };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.wrong-step-type',
    title: 'A training builder that emits a Processing step',
    change: "createStep() returns Type 'Processing'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: "the step's Type is 'Processing'",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            return { ...step, Type: 'Processing' as 'Training' };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.unknown-request-member',
    title: "A request member CreateTrainingJob does not have (the reference's TrainingJobOutput)",
    change: 'createStep() adds Arguments.TrainingJobOutput = { S3Output: <output path> }',
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'TrainingJobOutput',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            return { ...step, Arguments: { ...step.Arguments, TrainingJobOutput: { S3Output: this.getOutputs({}) } } };
          }
        },
      ),
  }),
];

// --- Contract and request disagree ---------------------------------------------------------------------------
const contractRequestDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.config-channel-renamed',
    title: 'The hyperparameters channel is mounted where the script does not look',
    change: "getInputs() names the hyperparameters.json channel 'hyperparameters' instead of 'config'",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: 'hyperparameters_s3_uri',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const channels = await super.getInputs(inputs);
            return channels.map((c) => (c.ChannelName === 'config' ? { ...c, ChannelName: 'hyperparameters' } : c));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.builtin-validation-channel-val',
    title: "Built-in mode hands the XGBoost algorithm its validation data in a channel named 'val', as the script's folder is",
    change: "BUILT_IN_CHANNELS maps the data root's val/ to a channel 'val' instead of 'validation'",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: 'channel "val" is not one the SageMaker XGBoost algorithm reads',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const channels = await super.getInputs(inputs);
            return channels.map((c) => (c.ChannelName === 'validation' ? { ...c, ChannelName: 'val' } : c));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.train-val-channels-swapped',
    title: 'The train and val channels read each other’s folder',
    change: "getInputs() builds the 'train' channel from <input>/val/ and the 'val' channel from <input>/train/",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: 'input_path',
    knownMiss:
      "the contract reads the whole of /opt/ml/input/data for input_path, so any channel below it is 'where the contract " +
      "reads it'; a swap inside the builder's own layout of train/val/test is invisible to level3.inputs_mounted, which would " +
      'need the channel name to equal the last segment of the S3 prefix it reads when the builder splits one input',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const swap: Record<string, string> = { train: 'val', val: 'train' };
            return (await super.getInputs(inputs)).map((c) => {
              const other = typeof c.ChannelName === 'string' ? swap[c.ChannelName] : undefined;
              return other ? { ...c, ChannelName: other } : c;
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.debugger-hook-beside-checkpoints',
    title: 'The debugger hook stays on beside checkpoints synced both ways, as if a one-instance PyTorch job were not distributed',
    change: 'hasDistribution() returns false ("no distribution configured"), so the SDK\'s switch-off for checkpoints never applies',
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchTraining',
    caughtBy: 'level3.debugger_with_checkpoints',
    severity: 'major',
    messageFragment: 'yet DebugHookConfig is sent',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          protected override hasDistribution(): boolean {
            return false;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.checkpoint-local-path-mismatch',
    title: 'Checkpoints are synced from a directory the script does not write to',
    change: "extraArguments() sets CheckpointConfig.LocalPath '/opt/ml/checkpoint' (singular)",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'PyTorchTraining',
    caughtBy: 'level3.checkpoint_config',
    severity: 'major',
    messageFragment: 'CheckpointConfig syncs /opt/ml/checkpoint, but the script writes checkpoints to /opt/ml/checkpoints',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          protected override extraArguments(outputPath: PipelineValue): Partial<TrainingStepArguments> {
            return { CheckpointConfig: { S3Uri: joinS3(outputPath, 'checkpoints'), LocalPath: '/opt/ml/checkpoint' } };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.checkpoints-never-synced',
    title: 'The script writes checkpoints but the request syncs none',
    change: 'createStep() drops the CheckpointConfig it was given',
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'PyTorchTraining',
    caughtBy: 'level3.checkpoint_config',
    severity: 'major',
    messageFragment: 'but the request has no CheckpointConfig',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            const { CheckpointConfig: _dropped, ...args } = step.Arguments;
            return { ...step, Arguments: args as TrainingStepDefinition['Arguments'] };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.entry-point-from-default',
    title: "The builder runs a fixed 'train.py', not the contract's entry point",
    change: "frameworkHyperparameters() passes entryPoint 'train.py' instead of config.training_entry_point",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.entry_point',
    severity: 'blocker',
    messageFragment: "nothing in the request runs 'xgboost_training.py'",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return { ...super.getHyperparameters(), sagemaker_program: pythonJsonDumps('train.py') };
          }
        },
      ),
  }),
];

// --- A config setting does not reach the request ---------------------------------------------------------------
const settingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.metrics-time-series-never-on',
    title: "SageMaker metrics time series are never turned on: the builder keeps the base class's answer",
    change: 'enablesMetricsTimeSeries() is not overridden (returns false), so enable_sagemaker_metrics (default true) never reaches the request',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.metrics_time_series',
    severity: 'minor',
    messageFragment: '[minimal] AlgorithmSpecification.EnableSageMakerMetricsTimeSeries is not sent',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          protected override enablesMetricsTimeSeries(): boolean {
            return false;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.image-for-fixed-region',
    title: "The training image is looked up for a fixed region, not the builder's",
    change: "getImageUri() passes region 'us-west-2' instead of this.awsRegion",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'is pulled from us-west-2',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getImageUri(): string {
            return retrieveTrainingImageUri({
              framework: this.framework,
              version: this.config.framework_version,
              pyVersion: this.config.py_version,
              instanceType: this.config.training_instance_type as string,
              region: 'us-west-2',
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.cpu-image-on-gpu',
    title: 'The image is always the CPU flavour, whatever instance the job runs on',
    change: "getImageUri() passes instanceType 'ml.m5.xlarge' instead of config.training_instance_type",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'is a CPU image, but the job runs on a GPU instance',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getImageUri(): string {
            return retrieveTrainingImageUri({
              framework: this.framework,
              version: this.config.framework_version,
              pyVersion: this.config.py_version,
              instanceType: 'ml.m5.xlarge',
              region: this.awsRegion,
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.sagemaker-region-hard-coded',
    title: "sagemaker_region is always 'us-east-1'",
    change: "frameworkHyperparameters() passes region 'us-east-1' instead of this.awsRegion",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'XGBoostTraining',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'the request names region us-east-1',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return { ...super.getHyperparameters(), sagemaker_region: pythonJsonDumps('us-east-1') };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.ignores-output-path',
    title: "The builder ignores the configured output_path (the reference's bug)",
    change: "getOutputs() always returns '<pipeline_s3_loc>/<step folder>', never config.output_path",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'output_path',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getOutputs(_outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return `${this.config.pipeline_s3_loc}/pytorch_training`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.caching-always-on',
    title: 'enable_caching: false still caches the step',
    change: 'getCacheConfig() always passes enableCaching true',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'XGBoostTraining',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'enable_caching = false leaves the step exactly as it is without it',
    knownMiss:
      "a flipped switch is built as a scenario but not required to change the step, since a switch may rightly change nothing in some settings (the SDK turns PyTorch's debugger hook off when checkpoints sync); telling an ignored switch from such a one needs a scenario per combination",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getCacheConfig(_enableCaching: boolean, expireAfter: string): CacheConfig {
            return super.getCacheConfig(true, expireAfter);
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.cache-expiry-ignored',
    title: 'The cache expiry from the config never reaches the step',
    change: "getCacheConfig() always sets ExpireAfter 'P30D', whatever config.cache_expire_after says",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: "cache_expire_after = 'P29D' appears nowhere in the request",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getCacheConfig(enableCaching: boolean, _expireAfter: string): CacheConfig {
            return super.getCacheConfig(enableCaching, 'P30D');
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.env-override-ignored',
    title: 'config.env overrides never reach the environment',
    change: 'getEnvironmentVariables() returns only the contract defaults, dropping config.env',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'env sets STEPSCORE_PROBE_VARIABLE, which appear nowhere in the request',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            return { ...(this.contract?.optionalEnvVars ?? {}) };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.instance-count-fixed',
    title: 'The job always runs on one instance',
    change: 'createStep() sets ResourceConfig.InstanceCount 1 instead of config.training_instance_count',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'XGBoostTraining',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'training_instance_count',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            return { ...step, Arguments: { ...step.Arguments, ResourceConfig: { ...step.Arguments.ResourceConfig, InstanceCount: 1 } as never } };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.environment-left-out-of-request',
    title: 'The job request carries no Environment although the builder has variables',
    change: 'createStep() deletes Arguments.Environment',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.environment_in_request',
    severity: 'major',
    messageFragment: 'the builder computes SM_CHECKPOINT_DIR="/opt/ml/checkpoints", but the request\'s environment lacks it',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            const { Environment: _dropped, ...args } = step.Arguments;
            return { ...step, Arguments: args as TrainingStepDefinition['Arguments'] };
          }
        },
      ),
  }),
];

// --- Values encoded wrongly -------------------------------------------------------------------------------------
const encodingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.instance-type-in-hyperparameters-file',
    title: 'The instance type written into hyperparameters.json, where a pipeline parameter stays unresolved',
    change: 'hyperparametersFileContent() adds the configured training_instance_type, so the script knows whether it has a GPU',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostTraining',
    caughtBy: 'level3.generated_files_uploaded',
    severity: 'blocker',
    messageFragment: 'holds the pipeline expression {"Get":"Parameters.TrainingInstanceType"}',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override hyperparametersFileContent(): Record<string, unknown> {
            return { ...super.hyperparametersFileContent(), instance_type: this.config.training_instance_type };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.builtin-algorithm-sent-field-lists',
    title: "The built-in algorithm sent the script's field lists as hyperparameters",
    change: 'getHyperparameters() in built-in mode encodes every configured hyperparameter, full_field_list, id_name and the rest included',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostTraining',
    caughtBy: 'level3.hyperparameters_encoded',
    severity: 'major',
    messageFragment: 'Extraneous hyperparameter found: full_field_list',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return this.config.algorithm_mode === 'builtin' ? encodeBuiltInHyperparameters(this.config.hyperparameters) : super.getHyperparameters();
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-double-encoded',
    title: 'Hyperparameters json.dumps-ed twice',
    change: 'getHyperparameters() passes the encoded hyperparameters through encodeHyperparameters() a second time',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'PyTorchTraining',
    caughtBy: 'level3.hyperparameters_encoded',
    severity: 'major',
    messageFragment: 'not the configured',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return { ...encodeHyperparameters(encodeHyperparameters(this.config.hyperparameters)), ...this.frameworkHyperparameters() };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.pytorchddp-own-switch',
    title: "pytorchddp sent as sagemaker_pytorch_ddp_enabled, as SDKs before v2.222 did, not as the SDK's smdistributed.dataparallel",
    change: 'distributionHyperparameters() returns sagemaker_pytorch_ddp_enabled and the instance type for an enabled pytorchddp',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'PyTorchTraining',
    caughtBy: 'level3.distribution_hyperparameters',
    severity: 'major',
    messageFragment: "sets HyperParameters.sagemaker_distributed_dataparallel_enabled = 'true', which the request lacks",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override distributionHyperparameters(): EncodedHyperparameters {
            if (!this.config.distribution?.pytorchddp?.enabled) return super.distributionHyperparameters();
            return { sagemaker_pytorch_ddp_enabled: 'true', sagemaker_instance_type: JSON.stringify(this.config.training_instance_type) };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.mpi-given-means-enabled',
    title: 'MPI written as on whenever the mpi block is given, whatever its enabled switch says',
    change: "distributionHyperparameters() sets sagemaker_mpi_enabled to 'true' when distribution.mpi is present",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level3.distribution_hyperparameters',
    severity: 'major',
    messageFragment: `HyperParameters.sagemaker_mpi_enabled is "true", where sagemaker.pytorch.PyTorch sends 'false'`,
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override distributionHyperparameters(): EncodedHyperparameters {
            const encoded = super.distributionHyperparameters();
            return this.config.distribution?.mpi ? { ...encoded, sagemaker_mpi_enabled: 'true' } : encoded;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-str-not-json',
    title: "Hyperparameters sent as String(value), not json.dumps (lists become 'a,b')",
    change: 'getHyperparameters() maps each configured value through String() instead of encodeHyperparameters()',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'PyTorchTraining',
    caughtBy: 'level3.hyperparameters_encoded',
    severity: 'major',
    messageFragment: 'which is not json.dumps output',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            const plain = Object.fromEntries(Object.entries(this.config.hyperparameters).map(([k, v]) => [k, String(v)]));
            return { ...plain, ...this.frameworkHyperparameters() };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameter-keys-camel-cased',
    title: 'Hyperparameter names camel-cased on the way out (batch_size becomes batchSize)',
    change: 'getHyperparameters() renames every key from snake_case to camelCase',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'PyTorchTraining',
    caughtBy: 'level3.hyperparameters_encoded',
    severity: 'major',
    messageFragment: "the configured hyperparameter 'batch_size' reaches the script neither in HyperParameters",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            const encoded = encodeHyperparameters(this.config.hyperparameters);
            const camel = Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]));
            return { ...camel, ...this.frameworkHyperparameters() };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-file-number-as-text',
    title: "hyperparameters.json carries num_round as text ('100')",
    change: 'hyperparametersFileContent() writes num_round as String(num_round)',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostTraining',
    caughtBy: 'level3.hyperparameters_encoded',
    severity: 'major',
    messageFragment: '\'num_round\' is "100"',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override hyperparametersFileContent(): Record<string, unknown> {
            const content = super.hyperparametersFileContent();
            return { ...content, num_round: String(content['num_round']) };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-not-strings',
    title: 'Hyperparameters put on the step without encoding them as strings',
    change: 'getHyperparameters() returns { ...config.hyperparameters, ...frameworkHyperparameters() }: lists and numbers as they are',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostTraining',
    caughtBy: 'level2.hyperparameters_legal',
    severity: 'blocker',
    messageFragment: 'num_round',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return { ...(this.config.hyperparameters as unknown as EncodedHyperparameters), ...super.getHyperparameters() };
          }
        },
      ),
  }),
];

// --- The pipeline wires the wrong data ------------------------------------------------------------------------
const wiringDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.resolved-input-dropped',
    title: 'createStep ignores the inputs its dependencies resolve to',
    change: 'createStep() replaces the resolved inputs with fixed mock S3 locations',
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'PyTorchTraining',
    caughtBy: 'level4.pipeline_assembly',
    severity: 'blocker',
    messageFragment: 'resolved reference',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override createStep(options: CreateStepOptions = {}): Promise<TrainingStepDefinition> {
            return super.createStep({ ...options, inputs: mockInputsFor(this.spec) });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.get-keeps-properties-prefix',
    title: "References to upstream outputs keep the 'properties.' prefix SageMaker does not expect",
    change: 'extractInputsFromDependencies() renders {"Get": "Steps.<step>.properties.<path>"} instead of dropping \'properties.\'',
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostTraining',
    caughtBy: 'level4.property_references_valid',
    severity: 'blocker',
    messageFragment: "without 'properties.'",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override extractInputsFromDependencies(steps: readonly DependencyStep[]): Record<string, GetExpression> {
            const resolved = super.extractInputsFromDependencies(steps);
            return Object.fromEntries(Object.entries(resolved).map(([name, get]) => [name, { Get: get.Get.replace(/^(Steps\.[^.]+\.)/, '$1properties.') }]));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.inputs-from-last-step',
    title: 'Every dependency takes the first output of the step just before it, whatever the spec says it needs',
    change:
      'extractInputsFromDependencies() replaces the resolver with "my inputs come from the previous step": each ' +
      'dependency gets the first output of the last dependency step (compatibleSources, types and names ignored)',
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostTraining',
    caughtBy: 'level4.pipeline_assembly',
    severity: 'blocker',
    messageFragment: 'does not use',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override extractInputsFromDependencies(steps: readonly DependencyStep[]): Record<string, GetExpression> {
            return everyDependencyFromLastStep(steps, this.spec.dependencies.keys());
          }
        },
      ),
  }),
];

// --- Not reproducible -----------------------------------------------------------------------------------------
const reproducibilityDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.hyperparameters-file-in-bucket-root',
    title: 'hyperparameters.json written to one fixed key of the bucket, shared by every step and pipeline',
    change: "hyperparametersFileUri() returns 's3://<bucket>/config/hyperparameters.json'",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'XGBoostTraining',
    caughtBy: 'level3.generated_files_uploaded',
    severity: 'blocker',
    messageFragment: "does not depend on the step's name",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override hyperparametersFileUri(): string {
            if (this.config.hyperparameters_s3_uri) return super.hyperparametersFileUri();
            return `s3://${this.config.bucket}/config/hyperparameters.json`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-file-per-date',
    title: 'hyperparameters.json keyed by the config date only, shared by every step and pipeline of that day',
    change: "hyperparametersFileUri() returns 's3://<bucket>/training_config/<current_date>/hyperparameters.json'",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'XGBoostTraining',
    caughtBy: 'level3.generated_files_uploaded',
    severity: 'blocker',
    messageFragment: "does not depend on the step's name",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override hyperparametersFileUri(): string {
            if (this.config.hyperparameters_s3_uri) return super.hyperparametersFileUri();
            return `s3://${this.config.bucket}/training_config/${this.config.current_date}/hyperparameters.json`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.checkpoints-shared-by-executions',
    title: 'Every execution resumes from the previous one’s checkpoints',
    change: "extraArguments() sets CheckpointConfig.S3Uri to '<output path>/checkpoints', without the execution id",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'PyTorchTraining',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: "CheckpointConfig (output 'CheckpointConfig') goes to",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          protected override extraArguments(outputPath: PipelineValue): Partial<TrainingStepArguments> {
            if (!this.config.enable_checkpointing) return {};
            return { CheckpointConfig: { S3Uri: this.config.checkpoint_s3_uri ?? joinS3(outputPath, 'checkpoints'), LocalPath: '/opt/ml/checkpoints' } };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.output-path-from-clock',
    title: 'The output location carries the time the pipeline was built, so no two builds give the same definition',
    change: "getOutputs() appends '/<Date.now()>' to the output path",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'XGBoostTraining',
    caughtBy: 'level4.pipeline_round_trip',
    severity: 'blocker',
    messageFragment: 'OutputDataConfig',
    knownMiss:
      'each scenario is built once, so a definition that changes with the clock is never compared with a second build; ' +
      'the pipeline round trip compares what was sent with what comes back, not two builds. A check would build the ' +
      'default scenario twice (with the clock moved) and compare the definitions',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return joinS3(super.getOutputs(outputs), String(Date.now()));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.upload-not-awaited',
    title: 'hyperparameters.json is referenced before its upload has finished',
    change: 'getInputs() starts the hyperparameters.json upload without awaiting it (fire and forget, errors swallowed)',
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'XGBoostTraining',
    caughtBy: 'level3.generated_files_uploaded',
    severity: 'blocker',
    messageFragment: 'nothing had been uploaded there when the step was returned',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const supplied = inputs['hyperparameters_s3_uri'];
            if (supplied !== undefined) return super.getInputs(inputs);
            const uri = this.config.hyperparameters_s3_uri
              ? this.hyperparametersFileUri()
              : `s3://${this.config.bucket}/${this.getStepName()}/hyperparameters.json`;
            // Fire and forget, errors swallowed: (an unhandled rejection from an upload landing after the run has
            // restored its mocks would end the process, see the report).
            this.artifactStore.put(uri, `${JSON.stringify(this.hyperparametersFileContent(), null, 2)}\n`, 'application/json').catch(() => undefined);
            return super.getInputs({ ...inputs, hyperparameters_s3_uri: uri });
          }
        },
      ),
  }),
];

// --- The builder interface ------------------------------------------------------------------------------------
const interfaceDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.required-method-dropped',
    title: 'The builder class no longer implements getInputs()',
    change: 'PyTorchTrainingStepBuilder as written, with its getInputs() method deleted (so it stays abstract)',
    artefact: 'builder',
    defectClass: 'interface',
    base: 'PyTorchTraining',
    caughtBy: 'level1.required_methods',
    severity: 'major',
    messageFragment: 'PyTorchTrainingStepBuilder must implement getInputs() (it is missing or left abstract)',
    make: () => {
      // The real class's own members, all but getInputs, on a class with the same base: the builder as written,
      // minus one method, without a copy of its code to keep in step.
      abstract class PyTorchTrainingStepBuilder extends TrainingStepBuilder<PyTorchTrainingConfig> {
        readonly framework = 'pytorch' as const;
        constructor(config: PyTorchTrainingConfig, options: StepBuilderOptions = {}) {
          super(config, pytorchTrainingSpec, options);
        }
      }
      for (const name of Object.getOwnPropertyNames(RealPyTorchTrainingStepBuilder.prototype)) {
        if (name === 'constructor' || name === 'getInputs') continue;
        const member = Object.getOwnPropertyDescriptor(RealPyTorchTrainingStepBuilder.prototype, name) as PropertyDescriptor;
        Object.defineProperty(PyTorchTrainingStepBuilder.prototype, name, member);
      }
      return pytorchWith(PyTorchTrainingStepBuilder);
    },
  }),
  defineDefect({
    id: 'builder.step-name-not-registered-name',
    title: 'The builder names its step differently from the name it is registered under',
    change: 'getStepName() returns the class-derived name in lower case',
    artefact: 'builder',
    defectClass: 'interface',
    base: 'PyTorchTraining',
    caughtBy: 'level1.registry_integration',
    severity: 'minor',
    messageFragment: "getStepName() returned 'pytorchtraining', but the builder is registered as 'PyTorchTraining'",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getStepName(): string {
            return super.getStepName().toLowerCase();
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.job-arguments-wrong-type',
    title: 'getJobArguments() returns one string instead of a list',
    change: "getJobArguments() returns '--epochs 3'",
    artefact: 'builder',
    defectClass: 'interface',
    base: 'PyTorchTraining',
    caughtBy: 'level1.method_result_types',
    severity: 'minor',
    messageFragment: 'getJobArguments() must return undefined or a string array, got a string',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getJobArguments(): string[] | undefined {
            return '--epochs 3' as unknown as string[];
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.invented-job-argument',
    title: 'Job arguments the contract does not declare',
    change: "getJobArguments() returns ['--job_type', 'training'] although the contract declares no arguments",
    artefact: 'builder',
    defectClass: 'interface',
    base: 'XGBoostTraining',
    caughtBy: 'level2.job_arguments',
    severity: 'major',
    messageFragment: 'the contract declares no arguments: the builder invents --job_type',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getJobArguments(): string[] | undefined {
            return ['--job_type', 'training'];
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.job-arguments-not-sent',
    title: "The contract's job arguments never reach the job",
    change: 'on a contract declaring --job-type, jobArgumentHyperparameters() returns {} so the argument is not sent',
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'PyTorchTraining',
    caughtBy: 'level3.job_arguments_in_request',
    severity: 'major',
    messageFragment: 'the contract expects --job-type, but the script is not given it',
    make: () => {
      const withArgument = withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        (contract as { expectedArguments: Record<string, string> }).expectedArguments = { 'job-type': 'training' };
      });
      const Base = withArgument.builderClass as unknown as typeof RealPyTorchTrainingStepBuilder;
      return withBuilderClass(
        withArgument,
        class PyTorchTrainingStepBuilder extends Base {
          override jobArgumentHyperparameters(): Record<string, string> {
            return {};
          }
        },
      );
    },
  }),
];

export const builderDefects: readonly SeededDefect[] = [
  ...longNameDefects,
  ...serviceModelDefects,
  ...contractRequestDefects,
  ...settingDefects,
  ...encodingDefects,
  ...wiringDefects,
  ...reproducibilityDefects,
  ...interfaceDefects,
];
