// Defects in the two CreateModel builders (PyTorchModel, XGBoostModel): in their config schema and default config,
// spec and code, as their author would make them. A CreateModel step runs no script of its own (no contract).
import { retrieveImageUri } from '@stepscore/sagemaker';
import { type CreateModelStepDefinition, type CreateStepOptions, checkInferencePyVersion, type PipelineValue } from '@stepscore/step-builder';
import { DependencyType } from '@stepscore/step-model';
import { z } from 'zod';
import { PyTorchModelStepBuilder as RealPyTorchModelStepBuilder } from '../../builders/pytorch-model/builder.js';
import { XGBoostModelStepBuilder as RealXGBoostModelStepBuilder } from '../../builders/xgboost-model/builder.js';
import { xgboostModelConfigSchema } from '../../builders/xgboost-model/config.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withBuilderClass, withConfigSchema, withDefaultConfig, withSpecAndContract } from './registration-variants.js';

const pytorchModelWith = (builderClass: unknown) => withBuilderClass(realBuilder('PyTorchModel'), builderClass);
const xgboostModelWith = (builderClass: unknown) => withBuilderClass(realBuilder('XGBoostModel'), builderClass);

/** The step with its PrimaryContainer edited. */
function withContainer(step: CreateModelStepDefinition, edit: (container: Record<string, unknown>) => Record<string, unknown>): CreateModelStepDefinition {
  const args = step.Arguments as Record<string, unknown>;
  return {
    ...step,
    Arguments: { ...args, PrimaryContainer: edit({ ...(args['PrimaryContainer'] as Record<string, unknown>) }) } as CreateModelStepDefinition['Arguments'],
  };
}

// --- The schema admits what SageMaker refuses -------------------------------------------------------------------
const schemaDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'config.model-script-without-bundle',
    title: 'The schema lets the inference script go without the bundle that holds it',
    change: 'the refinement "inference_entry_point and source_dir go together" was dropped (source_dir stays optional, for native serving)',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostModel',
    caughtBy: 'level1.valid_scenarios_accepted',
    severity: 'blocker',
    messageFragment: "scenario 'left-out-source_dir'",
    make: () =>
      withConfigSchema(realBuilder('XGBoostModel'), z.strictObject(xgboostModelConfigSchema.shape).superRefine(checkInferencePyVersion('xgboost', 'XGBoost'))),
  }),
  defineDefect({
    id: 'config.model-role-any-text',
    title: 'The schema takes any text as the role, and the default config gives the role’s name',
    change: "role became z.string().min(1) (the ARN pattern dropped) and the default config's role is 'SageMakerRole'",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'XGBoostModel',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ExecutionRoleArn',
    make: () =>
      withDefaultConfig(withConfigSchema(realBuilder('XGBoostModel'), xgboostModelConfigSchema.safeExtend({ role: z.string().min(1) } as never)), (config) => {
        config['role'] = 'SageMakerRole';
      }),
  }),
];

// --- The request breaks the service model ------------------------------------------------------------------------
const serviceModelDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.model-container-mode-misspelt',
    title: "The container's mode as 'Single' (SageMaker's values are SingleModel and MultiModel)",
    change: "createStep() sets PrimaryContainer.Mode 'Single'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'PyTorchModel',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'PrimaryContainer.Mode',
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<CreateModelStepDefinition> {
            return withContainer(await super.createStep(options), (c) => ({ ...c, Mode: 'Single' }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-repository-access-lowercase',
    title: "The image's repository access mode in lower case ('platform')",
    change: "createStep() sets PrimaryContainer.ImageConfig.RepositoryAccessMode 'platform'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'XGBoostModel',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'RepositoryAccessMode',
    make: () =>
      xgboostModelWith(
        class XGBoostModelStepBuilder extends RealXGBoostModelStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<CreateModelStepDefinition> {
            return withContainer(await super.createStep(options), (c) => ({ ...c, ImageConfig: { RepositoryAccessMode: 'platform' } }));
          }
        },
      ),
  }),
];

// --- A config setting does not reach the request --------------------------------------------------------------
const settingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.model-image-for-fixed-region',
    title: "The inference image is looked up for a fixed region, not the builder's",
    change: "getImageUri() passes region 'us-west-2' instead of this.awsRegion",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'XGBoostModel',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'is pulled from us-west-2',
    make: () =>
      xgboostModelWith(
        class XGBoostModelStepBuilder extends RealXGBoostModelStepBuilder {
          override getImageUri(): string {
            const c = this.config;
            return retrieveImageUri({
              framework: 'xgboost',
              scope: 'inference',
              version: c.framework_version,
              pyVersion: c.py_version,
              instanceType: c.inference_instance_type,
              region: 'us-west-2',
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-cpu-image-on-gpu',
    title: 'The inference image is always the CPU flavour, whatever instance the model serves on',
    change: "getImageUri() passes instanceType 'ml.m5.large' instead of config.inference_instance_type",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchModel',
    caughtBy: 'level3.region_and_image',
    severity: 'major',
    messageFragment: 'is a CPU image, but the job runs on a GPU instance',
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override getImageUri(): string {
            const c = this.config;
            return retrieveImageUri({
              framework: 'pytorch',
              scope: 'inference',
              version: c.framework_version,
              pyVersion: c.py_version,
              instanceType: 'ml.m5.large',
              region: this.awsRegion,
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-env-override-ignored',
    title: 'config.env never reaches the model container',
    change: 'getEnvironmentVariables() returns the script-mode variables only, dropping config.env',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchModel',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'env sets STEPSCORE_PROBE_VARIABLE, which appear nowhere in the request',
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            const all = super.getEnvironmentVariables();
            return Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('SAGEMAKER_')));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-program-fixed',
    title: "SAGEMAKER_PROGRAM is always 'inference.py', whatever inference_entry_point says",
    change: "getEnvironmentVariables() sets SAGEMAKER_PROGRAM 'inference.py'",
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchModel',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: "inference_entry_point = 'stepscore_probe_inference_entry_point.py' appears nowhere in the request",
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            return { ...super.getEnvironmentVariables(), SAGEMAKER_PROGRAM: 'inference.py' };
          }
        },
      ),
  }),
];

// --- Values encoded wrongly -------------------------------------------------------------------------------------
const encodingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.model-log-level-number',
    title: 'The container log level sent as a number, where an environment holds strings',
    change: 'getEnvironmentVariables() sets SAGEMAKER_CONTAINER_LOG_LEVEL to config.container_log_level without String()',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'PyTorchModel',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'SAGEMAKER_CONTAINER_LOG_LEVEL',
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override getEnvironmentVariables(): Record<string, string> {
            return { ...super.getEnvironmentVariables(), SAGEMAKER_CONTAINER_LOG_LEVEL: this.config.container_log_level as unknown as string };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-env-json-encoded',
    title: "The model container's environment values passed through json.dumps",
    change: 'createStep() writes every PrimaryContainer.Environment value as JSON.stringify(value)',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'XGBoostModel',
    caughtBy: 'level3.environment_in_request',
    severity: 'major',
    messageFragment: `SAGEMAKER_PROGRAM is "\\"inference.py\\"" in the request, but the builder computes "inference.py"`,
    make: () =>
      xgboostModelWith(
        class XGBoostModelStepBuilder extends RealXGBoostModelStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<CreateModelStepDefinition> {
            return withContainer(await super.createStep(options), (c) => ({
              ...c,
              Environment: Object.fromEntries(Object.entries(c['Environment'] as Record<string, string>).map(([k, v]) => [k, JSON.stringify(v)])),
            }));
          }
        },
      ),
  }),
];

// --- The pipeline wires the wrong data ---------------------------------------------------------------------------
const wiringDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.model-data-from-fixed-location',
    title: 'ModelDataUrl is a fixed location, not the model the training step produced',
    change: "getInputs() returns 's3://<bucket>/<pipeline>/model/model.tar.gz' whatever model_data resolves to",
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostModel',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: "dependency 'model_data'",
    make: () =>
      xgboostModelWith(
        class XGBoostModelStepBuilder extends RealXGBoostModelStepBuilder {
          override getInputs(_inputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return `s3://${this.config.bucket}/${this.config.pipeline_name}/model/model.tar.gz`;
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.model-step-not-suffixed',
    title: "The step is named '<name>', while its outputs are read from '<name>-CreateModel'",
    change: 'createStep() names the step getStepName() instead of getOutputStepName()',
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'PyTorchModel',
    caughtBy: 'level4.pipeline_assembly',
    severity: 'blocker',
    messageFragment: 'PyTorchModel-CreateModel',
    make: () =>
      pytorchModelWith(
        class PyTorchModelStepBuilder extends RealPyTorchModelStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<CreateModelStepDefinition> {
            return { ...(await super.createStep(options)), Name: this.getStepName() };
          }
        },
      ),
  }),
];

const dependencyDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.model-data-declared-processing-output',
    title: 'The model data is declared a processing output, so the model takes preprocessed data for its artefacts',
    change: "model_data.dependencyType became PROCESSING_OUTPUT and compatibleSources gained 'TabularPreprocessing'",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostModel',
    caughtBy: 'level4.dependency_resolution',
    severity: 'blocker',
    messageFragment: 'model_data',
    knownMiss:
      "the resolver matches model_data to DataPreparation-Training's processed_data (0.879) and every check accepts it: " +
      'the edited spec allows that producer, and nothing compares what the producer writes (a folder of data) with what ' +
      'the request needs there (a model.tar.gz at ModelDataUrl). level4.dependency_resolution would need the dependency ' +
      'that feeds ModelDataUrl to resolve to model artefacts whatever type the spec declares',
    make: () =>
      withSpecAndContract(realBuilder('XGBoostModel'), (spec) => {
        const dependency = spec.dependencies?.find((d) => d.logicalName === 'model_data') as
          | { dependencyType: DependencyType; compatibleSources: string[] }
          | undefined;
        if (!dependency) return;
        dependency.dependencyType = DependencyType.PROCESSING_OUTPUT;
        dependency.compatibleSources = [...dependency.compatibleSources, 'TabularPreprocessing'];
      }),
  }),
];

// --- The specification ------------------------------------------------------------------------------------------
const specificationDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.model-name-path-not-on-shape',
    title: 'The model name is read at PrimaryContainer.ModelName, which DescribeModel does not have',
    change: 'model_name.propertyPath became properties.PrimaryContainer.ModelName',
    artefact: 'spec',
    defectClass: 'specification',
    base: 'XGBoostModel',
    caughtBy: 'level2.property_paths_exist',
    severity: 'blocker',
    messageFragment: "property path 'properties.PrimaryContainer.ModelName', which does not exist on DescribeModelOutput",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostModel'), (spec) => {
        const output = spec.outputs?.find((o) => o.logicalName === 'model_name') as { propertyPath: string } | undefined;
        if (output) output.propertyPath = 'properties.PrimaryContainer.ModelName';
      }),
  }),
];

// --- The builder interface -----------------------------------------------------------------------------------
const interfaceDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.model-step-type-misspelt',
    title: "The spec's step type as the reference spelt it ('PytorchModel')",
    change: "stepType 'PyTorchModel' became 'PytorchModel'",
    artefact: 'spec',
    defectClass: 'interface',
    base: 'PyTorchModel',
    caughtBy: 'level1.naming_conventions',
    severity: 'minor',
    messageFragment: "The specification's stepType 'PytorchModel' must equal the registry step name 'PyTorchModel'",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchModel'), (spec) => {
        (spec as { stepType: string }).stepType = 'PytorchModel';
      }),
  }),
];

export const createModelDefects: readonly SeededDefect[] = [
  ...schemaDefects,
  ...serviceModelDefects,
  ...settingDefects,
  ...encodingDefects,
  ...wiringDefects,
  ...dependencyDefects,
  ...specificationDefects,
  ...interfaceDefects,
];
