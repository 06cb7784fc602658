// Defects in builder code: each a subclass (named like the real class) that changes one method.
import { type EncodedHyperparameters, retrieveTrainingImageUri } from '@stepscore/sagemaker';
import {
  type CacheConfig,
  channelsForInput,
  type CreateStepOptions,
  type DependencyStep,
  joinS3,
  type PipelineValue,
  type StepBuilderOptions,
  type TrainingChannel,
  type TrainingStepArguments,
  type TrainingStepDefinition,
  TrainingStepBuilder,
  snakeCaseStepName,
} from '@stepscore/step-builder';
import type { GetExpression } from '@stepscore/step-model';
import { PyTorchTrainingStepBuilder as RealPyTorchTrainingStepBuilder } from '../../builders/pytorch-training/builder.js';
import type { PyTorchTrainingConfig } from '../../builders/pytorch-training/config.js';
import { pytorchTrainingSpec } from '../../builders/pytorch-training/spec.js';
import { XGBoostTrainingStepBuilder as RealXGBoostTrainingStepBuilder } from '../../builders/xgboost-training/builder.js';
import { mockInputsFor } from '../src/context/mock-inputs.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withBuilderClass, withSpecAndContract } from './registration-variants.js';

const pytorchWith = (builderClass: unknown) => withBuilderClass(realBuilder('PyTorchTraining'), builderClass);
const xgboostWith = (builderClass: unknown) => withBuilderClass(realBuilder('XGBoostTraining'), builderClass);

export const builderDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.required-method-dropped',
    title: 'The builder class no longer implements getInputs()',
    change: 'PyTorchTrainingStepBuilder as written, with its getInputs() method deleted (so it stays abstract)',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level1.required_methods',
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
    id: 'builder.ignores-output-path',
    title: "The builder ignores the configured output_path (the reference's bug)",
    change: "getOutputs() always returns '<pipeline_s3_loc>/pytorch_training', never config.output_path",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.output_path',
    messageFragment: 'the builder ignores the configured output_path',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getOutputs(_outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return `${this.config.pipeline_s3_loc}/${snakeCaseStepName('PyTorchTraining')}`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.output-path-trailing-slash',
    title: 'The output path ends with a slash',
    change: "getOutputs() appends '/' to the path it used to return",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.output_path',
    messageFragment: "/xgboost_training/' ends with '/'",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return `${String(super.getOutputs(outputs))}/`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.channel-name-bad-character',
    title: 'An input channel name with a space',
    change: "getInputs() names the data channel 'training data' instead of 'data'",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.configuration_validity',
    messageFragment: 'InputDataConfig[0].ChannelName',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            return [...this.spec.dependencies.values()].flatMap((dep) =>
              channelsForInput(dep, inputs[dep.logicalName], this.contract, { wholeDataRoot: (uri) => [['training data', uri]] }),
            );
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.step-name-not-registered-name',
    title: 'The builder names its step differently from the name it is registered under',
    change: 'getStepName() returns the class-derived name in lower case',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level1.registry_integration',
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
    id: 'builder.step-name-over-64',
    title: 'A step name longer than the 64 characters SageMaker allows',
    change: "getStepName() returns '<bucket>-<pipeline_name>-XGBoostTraining' without the base class's 64-character cap",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.step_name_generation',
    messageFragment: "'stepscore-example-bucket-stepscore-risk-xgboost-NA-XGBoostTraining' is not a legal pipeline step name (at most 64",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getStepName(): string {
            return `${this.config.bucket}-${this.config.pipeline_name}-${super.getStepName()}`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.hyperparameters-not-strings',
    title: 'Hyperparameters put on the step without encoding them as strings',
    change: "getHyperparameters() returns { ...config.hyperparameters, ...frameworkHyperparameters() }: lists and numbers as they are",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level2.hyperparameters_legal',
    messageFragment: "HyperParameters['num_round'] must be a string (HyperParameterValue), but is number 100",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            return { ...(this.config.hyperparameters as unknown as EncodedHyperparameters), ...super.getHyperparameters() };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.framework-hyperparameter-dropped',
    title: 'The framework hyperparameter sagemaker_region is not sent',
    change: 'getHyperparameters() leaves out sagemaker_region',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.framework_hyperparameters',
    messageFragment: 'HyperParameters.sagemaker_region is missing',
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getHyperparameters(): EncodedHyperparameters {
            const { sagemaker_region: _region, ...rest } = super.getHyperparameters();
            return rest;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.depends-on-dropped',
    title: 'The step forgets the steps it depends on',
    change: 'createStep() returns the step without its DependsOn',
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.dependencies_attachment',
    messageFragment: 'DependsOn is missing; it must be a list naming',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const { DependsOn: _dropped, ...step } = await super.createStep(options);
            return step;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.env-override-ignored',
    title: 'config.env overrides never reach the environment',
    change: 'getEnvironmentVariables() returns only the contract defaults, dropping config.env',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level2.environment_variables',
    messageFragment: "config.env sets 'override', but getEnvironmentVariables() gave missing",
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
    id: 'builder.environment-left-out-of-request',
    title: "The job request carries no Environment although the builder has variables",
    change: 'createStep() deletes Arguments.Environment',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.environment_in_request',
    messageFragment: "Environment is missing, but getEnvironmentVariables() gives {\"SM_CHECKPOINT_DIR\":\"/opt/ml/checkpoints\"}",
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
  defineDefect({
    id: 'builder.upload-not-awaited',
    title: 'hyperparameters.json is referenced before its upload has finished',
    change: 'getInputs() starts the hyperparameters.json upload without awaiting it',
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.generated_files_uploaded',
    messageFragment: 'its upload had not finished when createStep() returned the step',
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override async getInputs(inputs: Readonly<Record<string, PipelineValue>>): Promise<TrainingChannel[]> {
            const supplied = inputs['hyperparameters_s3_uri'];
            if (supplied !== undefined) return super.getInputs(inputs);
            const uri = this.hyperparametersFileUri();
            void this.artifactStore.put(uri, `${JSON.stringify(this.hyperparametersFileContent(), null, 2)}\n`, 'application/json');
            return super.getInputs({ ...inputs, hyperparameters_s3_uri: uri });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.image-for-wrong-region',
    title: "The training image is looked up for a fixed region, not the builder's",
    change: "getImageUri() passes region 'us-west-2' instead of this.awsRegion",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.training_step_creation',
    messageFragment: 'AlgorithmSpecification.TrainingImage is ',
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
    id: 'builder.config-channel-renamed',
    title: "The hyperparameters channel is mounted where the script does not look",
    change: "getInputs() names the hyperparameters.json channel 'hyperparameters' instead of 'config'",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.input_channels_mapped',
    messageFragment: "channel 'hyperparameters' (fed by input 'hyperparameters_s3_uri') is mounted at /opt/ml/input/data/hyperparameters, which is neither under nor above",
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
    id: 'builder.resolved-input-dropped',
    title: 'createStep ignores the inputs its dependencies resolve to',
    change: 'createStep() replaces the resolved inputs with fixed mock S3 locations',
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level4.pipeline_assembly',
    messageFragment: "createStep must feed the resolved reference into the job's inputs",
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
    id: 'builder.unknown-request-member',
    title: "A request member CreateTrainingJob does not have (the reference's TrainingJobOutput)",
    change: "createStep() adds Arguments.TrainingJobOutput = { S3Output: <output path> }",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level4.wire_request',
    messageFragment: "CreateTrainingJob: the SDK's serialiser dropped TrainingJobOutput",
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
  defineDefect({
    id: 'builder.checkpoint-local-path-mismatch',
    title: 'Checkpoints are synced from a directory the script does not write to',
    change: "extraArguments() sets CheckpointConfig.LocalPath '/opt/ml/checkpoint' (singular)",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.checkpoint_config',
    messageFragment: "CheckpointConfig.LocalPath is '/opt/ml/checkpoint', but the script writes checkpoints to SM_CHECKPOINT_DIR='/opt/ml/checkpoints'",
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
    id: 'builder.wrong-step-type',
    title: 'A training builder that emits a Processing step',
    change: "createStep() returns Type 'Processing'",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level3.step_instantiation',
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
    id: 'builder.validate-configuration-accepts-anything',
    title: 'validateConfiguration() checks nothing',
    change: 'validateConfiguration() is overridden with an empty body',
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level1.validate_configuration_names_missing_setting',
    messageFragment: "validateConfiguration() accepted a config without 'training_instance_type'",
    make: () =>
      xgboostWith(
        class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
          override validateConfiguration(): void {}
        },
      ),
  }),
  defineDefect({
    id: 'builder.job-arguments-wrong-type',
    title: 'getJobArguments() returns one string instead of a list',
    change: "getJobArguments() returns '--epochs 3'",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level1.method_result_types',
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
    base: 'XGBoostTraining',
    caughtBy: 'level2.job_arguments',
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
    change: "on a contract declaring --job-type, jobArgumentHyperparameters() returns {} so the argument is not sent",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.job_arguments_in_request',
    messageFragment: "job argument --job-type (from the contract) is not among the step's HyperParameters",
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
  defineDefect({
    id: 'builder.step-named-unlike-its-references',
    title: 'The step is named differently from the name its outputs are referenced by',
    change: "createStep() names the step '<getStepName()>Step'",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level4.pipeline_assembly',
    messageFragment: "createStep returned a step named 'PyTorchTrainingStep', but getStepName() says 'PyTorchTraining'",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TrainingStepDefinition> {
            const step = await super.createStep(options);
            return { ...step, Name: `${step.Name}Step` };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.get-keeps-properties-prefix',
    title: "References to upstream outputs keep the 'properties.' prefix SageMaker does not expect",
    change: "extractInputsFromDependencies() renders {\"Get\": \"Steps.<step>.properties.<path>\"} instead of dropping 'properties.'",
    artefact: 'builder',
    base: 'XGBoostTraining',
    caughtBy: 'level4.property_references_valid',
    messageFragment: "but a Get names the property without 'properties.'",
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
    id: 'builder.cache-expiry-ignored',
    title: 'The cache expiry from the config never reaches the step',
    change: "getCacheConfig() always sets ExpireAfter 'P30D', whatever config.cache_expire_after says",
    artefact: 'builder',
    base: 'PyTorchTraining',
    caughtBy: 'level3.cache_config',
    messageFragment: "with enable_caching true and cache_expire_after 'P7DT12H', CacheConfig.ExpireAfter is 'P30D'",
    make: () =>
      pytorchWith(
        class PyTorchTrainingStepBuilder extends RealPyTorchTrainingStepBuilder {
          override getCacheConfig(enableCaching: boolean, _expireAfter: string): CacheConfig {
            return super.getCacheConfig(enableCaching, 'P30D');
          }
        },
      ),
  }),
];
