// Defects in the two Processing builders (TabularPreprocessing, a ScriptProcessor; XGBoostModelEval, a
// FrameworkProcessor): in their config schema and default config, contract, spec and code, as their author would
// make them.
import { posix } from 'node:path';
import {
  type CreateStepOptions,
  type DependencyStep,
  frameworkLauncherScript,
  frameworkProcessorCode,
  oneOfField,
  PROCESSING_CODE_PATH,
  PROCESSING_ENTRYPOINT_PATH,
  type PipelineValue,
  type ProcessingCode,
  type ProcessingInputArgument,
  type ProcessingOutputArgument,
  type ProcessingStepDefinition,
  processingInput,
  ProcessingStepBuilder,
  type StepBuilderOptions,
} from '@stepscore/step-builder';
import { DependencyType, type GetExpression, type ProcessingScriptContract } from '@stepscore/step-model';
import { knownImageVersions, retrieveImageUri } from '@stepscore/sagemaker';
import { z } from 'zod';
import { SKLEARN_PROCESSING_INSTANCE_TYPES, tabularPreprocessingConfigSchema } from '../../builders/tabular-preprocessing/config.js';
import { TabularPreprocessingStepBuilder as RealTabularPreprocessingStepBuilder } from '../../builders/tabular-preprocessing/builder.js';
import { xgboostModelEvalConfigSchema } from '../../builders/xgboost-model-eval/config.js';
import { XGBoostModelEvalStepBuilder as RealXGBoostModelEvalStepBuilder } from '../../builders/xgboost-model-eval/builder.js';
import type { XGBoostModelEvalConfig } from '../../builders/xgboost-model-eval/config.js';
import { xgboostModelEvalSpec } from '../../builders/xgboost-model-eval/spec.js';
import { everyDependencyFromLastStep } from './defect-edits.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withBuilderClass, withConfigSchema, withDefaultConfig, withSpecAndContract } from './registration-variants.js';

const tabularWith = (builderClass: unknown) => withBuilderClass(realBuilder('TabularPreprocessing'), builderClass);
const evalWith = (builderClass: unknown) => withBuilderClass(realBuilder('XGBoostModelEval'), builderClass);

/** Every ProcessingInput the step reads its data from (the code and launcher inputs left as they are). */
function editDataInputs(
  inputs: readonly ProcessingInputArgument[],
  edit: (input: ProcessingInputArgument) => ProcessingInputArgument,
): ProcessingInputArgument[] {
  return inputs.map(edit);
}

const s3Input = (input: ProcessingInputArgument) => input.S3Input as Record<string, unknown>;

/** The step with one member of its Arguments replaced. */
function withArguments(step: ProcessingStepDefinition, edit: (args: Record<string, unknown>) => Record<string, unknown>): ProcessingStepDefinition {
  return { ...step, Arguments: edit({ ...(step.Arguments as Record<string, unknown>) }) as ProcessingStepDefinition['Arguments'] };
}

// --- The schema admits what SageMaker refuses -------------------------------------------------------------------
const schemaDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'config.processing-instance-count-zero',
    title: 'The schema accepts a processing job on zero instances',
    change: 'processing_instance_count became z.number().int().min(0).max(100).default(1) (min 0: "0 means let SageMaker choose")',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ProcessingResources.ClusterConfig.InstanceCount',
    make: () =>
      withConfigSchema(
        realBuilder('TabularPreprocessing'),
        tabularPreprocessingConfigSchema.safeExtend({ processing_instance_count: z.number().int().min(0).max(100).default(1) }),
      ),
  }),
  defineDefect({
    id: 'config.processing-version-without-gpu-image',
    title: 'The version list offers XGBoost 1.0-1, whose image is CPU-only, beside GPU instance types',
    change: 'XGBOOST_PROCESSING_VERSIONS lost its .filter((v) => v !== \'1.0-1\') ("every version the SDK knows")',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostModelEval',
    caughtBy: 'level2.framework_version_known',
    severity: 'blocker',
    messageFragment: "the schema accepts processing_framework_version '1.0-1' with ml.g4dn.xlarge",
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostModelEval'),
        xgboostModelEvalConfigSchema.safeExtend({
          processing_framework_version: oneOfField(
            'XGBoost framework version',
            knownImageVersions('xgboost', 'processing').map((v) => v.version),
          ).default('1.7-1'),
        }),
      ),
  }),
  defineDefect({
    id: 'config.processing-instance-type-unknown',
    title: 'The allow-list offers an instance type SageMaker does not have, and the default config picks it',
    change: "SKLEARN_PROCESSING_INSTANCE_TYPES gained 'ml.m5.3xlarge' (m5 has no 3xlarge) and the default config's processing_instance_type is it",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ml.m5.3xlarge',
    make: () =>
      withDefaultConfig(
        withConfigSchema(
          realBuilder('TabularPreprocessing'),
          tabularPreprocessingConfigSchema.safeExtend({
            processing_instance_type: z
              .string()
              .refine((v) => [...SKLEARN_PROCESSING_INSTANCE_TYPES, 'ml.m5.3xlarge'].includes(v), { error: 'not an allowed instance type' })
              .default('ml.m5.2xlarge'),
          }),
        ),
        (config) => {
          config['processing_instance_type'] = 'ml.m5.3xlarge';
        },
      ),
  }),
  defineDefect({
    id: 'config.processing-volume-size-not-integer',
    title: 'The schema accepts a fractional EBS volume for the processing job',
    change: 'processing_volume_size lost its .int(): z.number().min(1).max(16384).default(30)',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ProcessingResources.ClusterConfig.VolumeSizeInGB',
    make: () =>
      withConfigSchema(
        realBuilder('XGBoostModelEval'),
        xgboostModelEvalConfigSchema.safeExtend({ processing_volume_size: z.number().min(1).max(16_384).default(30) }),
      ),
  }),
  defineDefect({
    id: 'config.processing-runtime-past-service-limit',
    title: "The schema accepts a processing runtime past SageMaker's 5 days",
    change: 'max_runtime_in_seconds lost its .max(): z.number().int().min(1).optional()',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'StoppingCondition.MaxRuntimeInSeconds',
    make: () =>
      withConfigSchema(
        realBuilder('TabularPreprocessing'),
        tabularPreprocessingConfigSchema.safeExtend({ max_runtime_in_seconds: z.number().int().min(1).optional() }),
      ),
  }),
];

// --- The request breaks the service model ------------------------------------------------------------------------
const serviceModelDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.script-uri-path-joined',
    title: "The script's S3 location is built with path.join, which folds 's3://' into 's3:/'",
    change: 'getScriptUri() returns posix.join(processing_source_dir, processing_entry_point)',
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'S3Input.S3Uri',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getScriptUri(): string {
            return posix.join(this.config.processing_source_dir, this.config.processing_entry_point);
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-input-mode-fastfile',
    title: 'Processing inputs stream with FastFile, a training input mode processing jobs do not have',
    change: "getInputs() sets S3InputMode 'FastFile' on every data input (processing has File and Pipe)",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'S3InputMode',
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override getInputs(inputs: Readonly<Record<string, PipelineValue>>): ProcessingInputArgument[] {
            return editDataInputs(super.getInputs(inputs), (i) => ({ ...i, S3Input: { ...s3Input(i), S3InputMode: 'FastFile' } as never }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-data-type-prefix',
    title: "Processing inputs with S3DataType 'Prefix' (SageMaker's value is 'S3Prefix')",
    change: "getInputs() sets S3DataType 'Prefix' on every data input",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'S3DataType',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getInputs(inputs: Readonly<Record<string, PipelineValue>>): ProcessingInputArgument[] {
            return editDataInputs(super.getInputs(inputs), (i) => ({ ...i, S3Input: { ...s3Input(i), S3DataType: 'Prefix' } as never }));
          }
        },
      ),
  }),
];

// --- Contract and request disagree --------------------------------------------------------------------------------
const contractRequestDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.processing-input-mounted-elsewhere',
    title: "The data is mounted at the builder's own path, not where the script reads it",
    change: "getInputs() mounts every data input at '/opt/ml/processing/<logical name>' instead of the contract's path",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: 'but the script contract reads it at /opt/ml/processing/input/data',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getInputs(inputs: Readonly<Record<string, PipelineValue>>): ProcessingInputArgument[] {
            return editDataInputs(super.getInputs(inputs), (i) => ({
              ...i,
              S3Input: { ...s3Input(i), LocalPath: `/opt/ml/processing/${String(i.InputName)}` } as never,
            }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-output-not-collected',
    title: 'The metrics the script writes are never collected',
    change: "getOutputs() returns only the outputs of the first spec output ('eval_output'), forgetting metrics_output",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.outputs_collected',
    severity: 'blocker',
    messageFragment: "output 'metrics_output' is written to /opt/ml/processing/output/metrics, but the request collects nothing from there",
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): ProcessingOutputArgument[] {
            return super.getOutputs(outputs).slice(0, 1);
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-entry-point-fixed',
    title: "The job runs a fixed 'preprocess.py', not the contract's entry point",
    change: "getScriptUri() returns '<processing_source_dir>/preprocess.py'",
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.entry_point',
    severity: 'blocker',
    messageFragment: "nothing in the request runs 'tabular_preprocessing.py'",
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getScriptUri(): string {
            return `${this.config.processing_source_dir.replace(/\/+$/, '')}/preprocess.py`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.launcher-without-interpreter',
    title: "The launcher runs the evaluation script as a command: 'xgboost_model_evaluation.py' with no python before it",
    change: 'getCode() passes command: [] to frameworkProcessorCode ("the image\'s entry point is python already")',
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.entry_point',
    severity: 'blocker',
    messageFragment: 'runproc.sh starts with the script itself',
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          protected override async getCode(): Promise<ProcessingCode> {
            return frameworkProcessorCode({
              sourceDir: this.config.processing_source_dir,
              entryPoint: this.config.processing_entry_point,
              command: [],
              bucket: this.config.bucket,
              pipelineName: this.config.pipeline_name,
              artifactStore: this.artifactStore,
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.property-file-output-misnamed',
    title: "The evaluation report's property file reads an output the step does not have ('metrics', not 'metrics_output')",
    change: "getPropertyFiles() names the output 'metrics' (the folder's name) instead of the request's OutputName",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.processing_output_names',
    severity: 'blocker',
    messageFragment: `PropertyFiles[0] reads output "metrics", but the request's outputs are named`,
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override getPropertyFiles() {
            return [{ PropertyFileName: 'EvaluationReport', OutputName: 'metrics', FilePath: 'metrics.json' }];
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-job-arguments-dropped',
    title: "The contract's --job_type never reaches the script",
    change: 'createStep() drops AppSpecification.ContainerArguments',
    artefact: 'builder',
    defectClass: 'contract-request-disagree',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.job_arguments_in_request',
    severity: 'major',
    messageFragment: 'the contract expects --job_type, but the script is not given it',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<ProcessingStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const { ContainerArguments: _dropped, ...app } = args['AppSpecification'] as Record<string, unknown>;
              return { ...args, AppSpecification: app };
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'contract.processing-output-outside-processing-root',
    title: 'The contract writes metrics where a training script would, outside /opt/ml/processing',
    change: "metrics_output became '/opt/ml/output/metrics' (the training output root)",
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostModelEval',
    caughtBy: 'level2.contract_paths_legal',
    severity: 'blocker',
    messageFragment: "Output path for 'metrics_output' must be under /opt/ml/processing/, got: /opt/ml/output/metrics",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostModelEval'), (_spec, contract) => {
        (contract as unknown as { expectedOutputPaths: Record<string, string> }).expectedOutputPaths['metrics_output'] = '/opt/ml/output/metrics';
      }),
  }),
];

// --- A config setting does not reach the request --------------------------------------------------------------
const settingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.processing-image-for-fixed-region',
    title: "The processing image is looked up for a fixed region, not the builder's",
    change: "getImageUri() passes region 'us-west-2' instead of this.awsRegion",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'is pulled from us-west-2',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getImageUri(): string {
            return retrieveImageUri({
              framework: 'sklearn',
              scope: 'processing',
              version: this.config.processing_framework_version,
              instanceType: this.config.processing_instance_type,
              region: 'us-west-2',
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-instance-count-fixed',
    title: 'The evaluation always runs on one instance',
    change: 'createStep() sets ProcessingResources.ClusterConfig.InstanceCount 1 instead of config.processing_instance_count',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'processing_instance_count',
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<ProcessingStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const resources = args['ProcessingResources'] as { ClusterConfig: Record<string, unknown> };
              return { ...args, ProcessingResources: { ClusterConfig: { ...resources.ClusterConfig, InstanceCount: 1 } } };
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-env-override-ignored',
    title: 'config.env overrides never reach the processing job',
    change: "getEnvironmentVariables() returns the contract's variables only, dropping config.env",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'env sets STEPSCORE_PROBE_VARIABLE, which appear nowhere in the request',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            const all = super.getEnvironmentVariables();
            const contract = this.contract;
            const declared = new Set([...(contract?.requiredEnvVars ?? []), ...Object.keys(contract?.optionalEnvVars ?? {})]);
            return Object.fromEntries(Object.entries(all).filter(([name]) => declared.has(name)));
          }
        },
      ),
  }),
];

// --- Values encoded wrongly -------------------------------------------------------------------------------------
const encodingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.processing-env-json-encoded',
    title: 'Environment values passed through json.dumps, as hyperparameters are',
    change: 'getEnvironmentVariables() returns JSON.stringify(value) for every variable',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'TabularPreprocessing',
    caughtBy: 'level2.environment_variables',
    severity: 'major',
    messageFragment: `Environment variable LABEL_FIELD: expected 'target' (from the config's label_field), found '"target"'`,
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            return Object.fromEntries(Object.entries(super.getEnvironmentVariables()).map(([name, value]) => [name, JSON.stringify(value)]));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-column-list-as-json',
    title: 'Column lists reach the script as a JSON array, not the comma-separated list it splits',
    change: 'getEnvironmentVariables() sets CATEGORICAL_COLUMNS (and the other column lists) to JSON.stringify(config list)',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'TabularPreprocessing',
    caughtBy: 'level2.environment_variables',
    severity: 'major',
    messageFragment: 'Environment variable CATEGORICAL_COLUMNS',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            const c = this.config;
            const lists = {
              CATEGORICAL_COLUMNS: c.categorical_columns,
              NUMERICAL_COLUMNS: c.numerical_columns,
              TEXT_COLUMNS: c.text_columns,
              DATE_COLUMNS: c.date_columns,
            };
            return { ...super.getEnvironmentVariables(), ...Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, JSON.stringify(list)])) };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-job-argument-json-encoded',
    title: 'The --job_type value passed through json.dumps (\'"calibration"\')',
    change: 'getJobArguments() returns [--job_type, JSON.stringify(job_type)]',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostModelEval',
    caughtBy: 'level2.job_arguments',
    severity: 'major',
    messageFragment: `argument --job_type: expected 'calibration', found "\\"calibration\\""`,
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override getJobArguments(): string[] | undefined {
            return ['--job_type', JSON.stringify(this.config.job_type)];
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.script-uri-double-slash',
    title: "The script's S3 key gets an empty segment when the source dir ends in '/'",
    change: "getScriptUri() joins with '/' without trimming the source dir's trailing slash, and the default config's processing_source_dir ends in '/'",
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: "its key has an empty segment ('//')",
    make: () =>
      withDefaultConfig(
        tabularWith(
          class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
            override getScriptUri(): string {
              return `${this.config.processing_source_dir}/${this.config.processing_entry_point}`;
            }
          },
        ),
        (config) => {
          config['processing_source_dir'] = `${String(config['processing_source_dir'])}/`;
        },
      ),
  }),
];

// --- The pipeline wires the wrong data ---------------------------------------------------------------------------
const wiringDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.processing-inputs-from-last-step',
    title: 'The model and the data both come from the first output of the last dependency step',
    change:
      'extractInputsFromDependencies() gives every dependency the first output of the last dependency step (compatible ' + 'sources, types and names ignored)',
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostModelEval',
    caughtBy: 'level4.pipeline_assembly',
    severity: 'blocker',
    messageFragment: 'does not use',
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          override extractInputsFromDependencies(steps: readonly DependencyStep[]): Record<string, GetExpression> {
            return everyDependencyFromLastStep(steps, this.spec.dependencies.keys());
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.processing-output-renamed',
    title: "The output is named 'processed' in the request, while consumers read Outputs['processed_data']",
    change: "getOutputs() names each ProcessingOutput after its logical name with '_data' cut off",
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.processing_output_names',
    severity: 'blocker',
    messageFragment: "output 'processed_data' is read at Outputs['processed_data'], but the request's outputs are named 'processed'",
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): ProcessingOutputArgument[] {
            return super.getOutputs(outputs).map((o) => ({ ...o, OutputName: String(o.OutputName).replace(/_data$/, '') }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'spec.processing-output-declared-model',
    title: 'The predictions are declared model artefacts, so model consumers take them',
    change: 'eval_output.outputType became MODEL_ARTIFACTS',
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostModelEval',
    caughtBy: 'level4.dry_run_execution',
    severity: 'blocker',
    messageFragment: 'eval_output',
    make: () =>
      withSpecAndContract(realBuilder('XGBoostModelEval'), (spec) => {
        const output = spec.outputs?.find((o) => o.logicalName === 'eval_output') as { outputType: DependencyType } | undefined;
        if (output) output.outputType = DependencyType.MODEL_ARTIFACTS;
      }),
  }),
];

// --- Not reproducible ---------------------------------------------------------------------------------------------
const reproducibilityDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.processing-output-shared-by-executions',
    title: 'Every execution writes its processed data to the same S3 location',
    change: "getOutputs() sends each output to 's3://<bucket>/<pipeline>/<step>/output/<name>', without the execution id",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: 'in every execution',
    make: () =>
      tabularWith(
        class TabularPreprocessingStepBuilder extends RealTabularPreprocessingStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): ProcessingOutputArgument[] {
            return super.getOutputs(outputs).map((o) => ({
              ...o,
              S3Output: {
                ...(o.S3Output as Record<string, unknown>),
                S3Uri:
                  outputs[String(o.OutputName)] ??
                  `s3://${this.config.bucket}/${this.config.pipeline_name}/${this.getStepName()}/output/${String(o.OutputName)}`,
              } as never,
            }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.launcher-at-fixed-key',
    title: 'The launcher script is uploaded to one key per pipeline, so two evaluation steps overwrite each other’s',
    change: "getCode() uploads runproc.sh to 's3://<bucket>/<pipeline>/code/runproc.sh' (without the digest of its text)",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.generated_files_uploaded',
    severity: 'blocker',
    messageFragment: "runproc.sh, generated for input 'entrypoint', does not depend on the step's name",
    make: () =>
      evalWith(
        class XGBoostModelEvalStepBuilder extends RealXGBoostModelEvalStepBuilder {
          protected override async getCode(): Promise<ProcessingCode> {
            const launcher = frameworkLauncherScript(this.config.processing_entry_point, ['python']);
            const launcherUri = `s3://${this.config.bucket}/${this.config.pipeline_name}/code/runproc.sh`;
            await this.artifactStore.put(launcherUri, launcher, 'text/x-shellscript');
            return {
              inputs: [
                processingInput('code', this.config.processing_source_dir, `${PROCESSING_CODE_PATH}/`),
                processingInput('entrypoint', launcherUri, PROCESSING_ENTRYPOINT_PATH),
              ],
              containerEntrypoint: ['/bin/bash', `${PROCESSING_ENTRYPOINT_PATH}/runproc.sh`],
            };
          }
        },
      ),
  }),
];

// --- Specification and contract inconsistent -----------------------------------------------------------------
const specificationDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.processing-data-optional',
    title: 'The data the script preprocesses is declared optional, so the step is made without it',
    change: 'DATA became required: false ("the pipeline may feed it later")',
    artefact: 'spec',
    defectClass: 'specification',
    base: 'TabularPreprocessing',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: "the script contract reads 'DATA' at /opt/ml/processing/input/data, but the request mounts nothing",
    make: () =>
      withSpecAndContract(realBuilder('TabularPreprocessing'), (spec) => {
        spec.dependencies = spec.dependencies.map((d) => (d.logicalName === 'DATA' ? { ...d, required: false } : d));
      }),
  }),
  defineDefect({
    id: 'spec.processing-output-name-not-in-request',
    title: "The spec reads the metrics at Outputs['metrics'], but the builder names that output 'metrics_output'",
    change: "metrics_output.propertyPath became properties.ProcessingOutputConfig.Outputs['metrics'].S3Output.S3Uri",
    artefact: 'spec',
    defectClass: 'specification',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.processing_output_names',
    severity: 'blocker',
    messageFragment: "output 'metrics_output' is read at Outputs['metrics']",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostModelEval'), (spec) => {
        const output = spec.outputs?.find((o) => o.logicalName === 'metrics_output') as { propertyPath: string } | undefined;
        if (output) output.propertyPath = "properties.ProcessingOutputConfig.Outputs['metrics'].S3Output.S3Uri";
      }),
  }),
  defineDefect({
    id: 'contract.processing-output-missing-from-spec',
    title: 'The contract writes a report folder the spec does not declare',
    change: "expectedOutputPaths gained reports: '/opt/ml/processing/output/reports'",
    artefact: 'contract',
    defectClass: 'specification',
    base: 'TabularPreprocessing',
    caughtBy: 'level2.contract_alignment',
    severity: 'blocker',
    messageFragment: "Contract outputs missing from specification outputs: {'reports'}",
    make: () =>
      withSpecAndContract(realBuilder('TabularPreprocessing'), (_spec, contract) => {
        (contract as unknown as ProcessingScriptContract & { expectedOutputPaths: Record<string, string> }).expectedOutputPaths['reports'] =
          '/opt/ml/processing/output/reports';
      }),
  }),
  defineDefect({
    id: 'spec.processing-property-path-not-on-shape',
    title: "A property path that skips S3Output (Outputs['processed_data'].S3Uri)",
    change: "processed_data.propertyPath became properties.ProcessingOutputConfig.Outputs['processed_data'].S3Uri",
    artefact: 'spec',
    defectClass: 'specification',
    base: 'TabularPreprocessing',
    caughtBy: 'level2.property_paths_exist',
    severity: 'blocker',
    messageFragment: 'which does not exist on DescribeProcessingJobResponse',
    make: () =>
      withSpecAndContract(realBuilder('TabularPreprocessing'), (spec) => {
        const output = spec.outputs?.find((o) => o.logicalName === 'processed_data') as { propertyPath: string } | undefined;
        if (output) output.propertyPath = "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Uri";
      }),
  }),
];

// --- The builder interface -----------------------------------------------------------------------------------
const interfaceDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.processing-step-type-misspelt',
    title: "The spec's step type is spelt differently from the registered name",
    change: "stepType 'TabularPreprocessing' became 'TabularPreProcessing'",
    artefact: 'spec',
    defectClass: 'interface',
    base: 'TabularPreprocessing',
    caughtBy: 'level1.naming_conventions',
    severity: 'minor',
    messageFragment: "The specification's stepType 'TabularPreProcessing' must equal the registry step name 'TabularPreprocessing'",
    make: () =>
      withSpecAndContract(realBuilder('TabularPreprocessing'), (spec) => {
        (spec as { stepType: string }).stepType = 'TabularPreProcessing';
      }),
  }),
  defineDefect({
    id: 'builder.processing-code-method-dropped',
    title: 'A processing builder that never says how its code reaches the container',
    change: 'XGBoostModelEvalStepBuilder as written, with its getCode() method deleted (so it stays abstract)',
    artefact: 'builder',
    defectClass: 'interface',
    base: 'XGBoostModelEval',
    caughtBy: 'level3.step_created',
    severity: 'blocker',
    messageFragment: 'this.getCode is not a function',
    rootCause: 'step_creation',
    make: () => {
      // The real class's own members, all but getCode, on a class with the same base: the builder as written,
      // minus one method, without a copy of its code to keep in step.
      abstract class XGBoostModelEvalStepBuilder extends ProcessingStepBuilder<XGBoostModelEvalConfig> {
        constructor(config: XGBoostModelEvalConfig, options: StepBuilderOptions = {}) {
          super(config, xgboostModelEvalSpec, options);
        }
      }
      for (const name of Object.getOwnPropertyNames(RealXGBoostModelEvalStepBuilder.prototype)) {
        if (name === 'constructor' || name === 'getCode') continue;
        const member = Object.getOwnPropertyDescriptor(RealXGBoostModelEvalStepBuilder.prototype, name) as PropertyDescriptor;
        Object.defineProperty(XGBoostModelEvalStepBuilder.prototype, name, member);
      }
      return evalWith(XGBoostModelEvalStepBuilder);
    },
  }),
];

export const processingDefects: readonly SeededDefect[] = [
  ...schemaDefects,
  ...serviceModelDefects,
  ...contractRequestDefects,
  ...settingDefects,
  ...encodingDefects,
  ...wiringDefects,
  ...reproducibilityDefects,
  ...specificationDefects,
  ...interfaceDefects,
];
