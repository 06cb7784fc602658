// Defects in the Transform builder (BatchTransform): in its config schema and default config, spec and code, as
// its author would make them. A Transform step runs the model's container, so it has no contract to break.
import { type CreateStepOptions, perExecutionOutputUri, type PipelineValue, type TransformInputs, type TransformStepDefinition } from '@stepscore/step-builder';
import { z } from 'zod';
import { BatchTransformStepBuilder as RealBatchTransformStepBuilder } from '../../builders/batch-transform/builder.js';
import { batchTransformConfigSchema, TRANSFORM_INSTANCE_TYPES } from '../../builders/batch-transform/config.js';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withBuilderClass, withConfigSchema, withDefaultConfig, withSpecAndContract } from './registration-variants.js';

const transformWith = (builderClass: unknown) => withBuilderClass(realBuilder('BatchTransform'), builderClass);

/** The step with its Arguments edited. */
function withArguments(step: TransformStepDefinition, edit: (args: Record<string, unknown>) => Record<string, unknown>): TransformStepDefinition {
  return { ...step, Arguments: edit({ ...(step.Arguments as Record<string, unknown>) }) as TransformStepDefinition['Arguments'] };
}

const member = (args: Record<string, unknown>, name: string) => args[name] as Record<string, unknown>;

// --- The schema admits what SageMaker refuses -------------------------------------------------------------------
const schemaDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'config.transform-instance-count-zero',
    title: 'The schema accepts a transform job on zero instances',
    change: 'transform_instance_count became z.number().int().min(0).max(100).default(1)',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'TransformResources.InstanceCount',
    make: () =>
      withConfigSchema(
        realBuilder('BatchTransform'),
        batchTransformConfigSchema.safeExtend({ transform_instance_count: z.number().int().min(0).max(100).default(1) }),
      ),
  }),
  defineDefect({
    id: 'config.transform-payload-past-service-limit',
    title: "The schema accepts a payload past SageMaker's 100 MB",
    change: 'max_payload_in_mb lost its .max(100): z.number().int().min(0).optional()',
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'MaxPayloadInMB',
    make: () =>
      withConfigSchema(realBuilder('BatchTransform'), batchTransformConfigSchema.safeExtend({ max_payload_in_mb: z.number().int().min(0).optional() })),
  }),
  defineDefect({
    id: 'config.transform-instance-type-unknown',
    title: 'The allow-list offers an instance type SageMaker does not have, and the default config picks it',
    change: "TRANSFORM_INSTANCE_TYPES gained 'ml.c5.3xlarge' (c5 has no 3xlarge) and the default config's transform_instance_type is it",
    artefact: 'config',
    defectClass: 'schema-admits-refused',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'ml.c5.3xlarge',
    make: () =>
      withDefaultConfig(
        withConfigSchema(
          realBuilder('BatchTransform'),
          batchTransformConfigSchema.safeExtend({
            transform_instance_type: z
              .string()
              .refine((v) => [...TRANSFORM_INSTANCE_TYPES, 'ml.c5.3xlarge'].includes(v), { error: 'not an allowed instance type' })
              .default('ml.m5.large'),
          }),
        ),
        (config) => {
          config['transform_instance_type'] = 'ml.c5.3xlarge';
        },
      ),
  }),
];

// --- The request breaks the service model ------------------------------------------------------------------------
const serviceModelDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.transform-output-name-empty',
    title: "The transform output's folder is named by a setting the config leaves out: the location ends in '/output/' with no name",
    change: "getOutputs() names the per-execution folder after config.output_name ?? '' instead of the spec output's name",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'BatchTransform',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: 'TransformOutput.S3OutputPath joins an empty part (Values[6]) into an S3 location',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            const name = (this.config as { output_name?: string }).output_name ?? '';
            return outputs[this.transformOutput] ?? this.config.output_path ?? perExecutionOutputUri(this.config, this.getStepName(), name);
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-split-type-lowercase',
    title: "The split type in lower case ('line')",
    change: 'createStep() sets TransformInput.SplitType to config.split_type.toLowerCase()',
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'SplitType',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => ({
              ...args,
              TransformInput: { ...member(args, 'TransformInput'), SplitType: this.config.split_type.toLowerCase() },
            }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-accept-on-input',
    title: 'Accept put on the transform input, where CreateTransformJob has no such member',
    change: 'createStep() moves Accept from TransformOutput to TransformInput',
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'Accept',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const { Accept: accept, ...output } = member(args, 'TransformOutput');
              return { ...args, TransformInput: { ...member(args, 'TransformInput'), Accept: accept }, TransformOutput: output };
            });
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-data-type-prefix',
    title: "The data source with S3DataType 'Prefix' (SageMaker's value is 'S3Prefix')",
    change: "createStep() sets TransformInput.DataSource.S3DataSource.S3DataType 'Prefix'",
    artefact: 'builder',
    defectClass: 'request-breaks-service-model',
    base: 'BatchTransform',
    caughtBy: 'level3.request_meets_service_model',
    severity: 'blocker',
    messageFragment: 'S3DataType',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const input = member(args, 'TransformInput');
              const source = (input['DataSource'] as { S3DataSource: Record<string, unknown> }).S3DataSource;
              return { ...args, TransformInput: { ...input, DataSource: { S3DataSource: { ...source, S3DataType: 'Prefix' } } } };
            });
          }
        },
      ),
  }),
];

// --- A config setting does not reach the request --------------------------------------------------------------
const settingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.transform-instance-count-fixed',
    title: 'The transform always runs on one instance',
    change: 'createStep() sets TransformResources.InstanceCount 1 instead of config.transform_instance_count',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'BatchTransform',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'transform_instance_count',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => ({
              ...args,
              TransformResources: { ...member(args, 'TransformResources'), InstanceCount: 1 },
            }));
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-output-path-ignored',
    title: 'The configured output_path never reaches the transform output',
    change: 'getOutputs() returns the per-execution default whatever config.output_path says',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'BatchTransform',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: 'output_path',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return outputs[this.transformOutput] ?? perExecutionOutputUri(this.config, this.getStepName(), this.transformOutput);
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-content-type-dropped',
    title: 'The content type is left out, so the container guesses how to read the records',
    change: 'createStep() deletes TransformInput.ContentType',
    artefact: 'builder',
    defectClass: 'setting-not-reaching-request',
    base: 'BatchTransform',
    caughtBy: 'level3.settings_reach_request',
    severity: 'major',
    messageFragment: "content_type = 'application/x-stepscore-content-type' appears nowhere in the request",
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const { ContentType: _dropped, ...input } = member(args, 'TransformInput');
              return { ...args, TransformInput: input };
            });
          }
        },
      ),
  }),
];

// --- Values encoded wrongly -------------------------------------------------------------------------------------
const encodingDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.transform-env-json-encoded',
    title: "The model container's environment values passed through json.dumps",
    change: 'createStep() writes every Environment value as JSON.stringify(value)',
    artefact: 'builder',
    defectClass: 'value-encoded-wrongly',
    base: 'BatchTransform',
    caughtBy: 'level3.environment_in_request',
    severity: 'major',
    messageFragment: `STEPSCORE_PROBE_VARIABLE is "\\"stepscore-probe-value\\"" in the request, but the builder computes "stepscore-probe-value"`,
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override async createStep(options?: CreateStepOptions): Promise<TransformStepDefinition> {
            return withArguments(await super.createStep(options), (args) => {
              const env = args['Environment'] as Record<string, string> | undefined;
              return env ? { ...args, Environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, JSON.stringify(v)])) } : args;
            });
          }
        },
      ),
  }),
];

// --- The pipeline wires the wrong data ---------------------------------------------------------------------------
const wiringDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.transform-model-name-fixed',
    title: 'ModelName is a fixed name, not the model the pipeline just created',
    change: "getInputs() returns modelName '<pipeline_name>-model' instead of the model_name dependency",
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'BatchTransform',
    caughtBy: 'level3.transform_model_name',
    severity: 'blocker',
    messageFragment: 'which is none of the dependencies given',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getInputs(inputs: Readonly<Record<string, PipelineValue>>): TransformInputs {
            return { ...super.getInputs(inputs), modelName: `${this.config.pipeline_name}-model`.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 63) };
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-inputs-swapped',
    title: 'The builder reads the model name from the data dependency and the data from the model',
    change: "modelNameInput = 'processed_data' and dataInput = 'model_name'",
    artefact: 'builder',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'BatchTransform',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: "dependency 'processed_data'",
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override readonly modelNameInput = 'processed_data' as 'model_name';
          override readonly dataInput = 'model_name' as 'processed_data';
        },
      ),
  }),
];

const misspeltSourceDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.transform-model-sources-misspelt',
    title: "The model may come only from steps named as the reference spelt them ('PytorchModel', 'XgboostModel')",
    change: "model_name.compatibleSources became ['PytorchModel', 'XgboostModel']",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'BatchTransform',
    caughtBy: 'level4.dependency_resolution',
    severity: 'blocker',
    messageFragment: 'model_name',
    knownMiss:
      'compatible sources only add a bonus to a match: name, keywords and type still resolve model_name to the ' +
      "catalogue's model step, and level4.dependency_resolution holds a dependency to its sources only when the catalogue " +
      'has a producer of one of them, so sources that name no step type anyone has are never questioned. The check would ' +
      'need at least one of a dependency’s compatible sources to be a step type the registry or the catalogue knows',
    make: () =>
      withSpecAndContract(realBuilder('BatchTransform'), (spec) => {
        const dependency = spec.dependencies?.find((d) => d.logicalName === 'model_name') as { compatibleSources: string[] } | undefined;
        if (dependency) dependency.compatibleSources = ['PytorchModel', 'XgboostModel'];
      }),
  }),
];

// --- Not reproducible ---------------------------------------------------------------------------------------------
const reproducibilityDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'builder.transform-output-shared-by-executions',
    title: 'Every execution writes its predictions to the same S3 location',
    change: "getOutputs() defaults to 's3://<bucket>/<pipeline>/<step>/transform_output', without the execution id",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'BatchTransform',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: 'in every execution',
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return (
              outputs[this.transformOutput] ??
              this.config.output_path ??
              `s3://${this.config.bucket}/${this.config.pipeline_name}/${this.getStepName()}/${this.transformOutput}`
            );
          }
        },
      ),
  }),
  defineDefect({
    id: 'builder.transform-output-not-per-step',
    title: 'Every transform step of the pipeline writes its predictions to the same per-execution location',
    change: "getOutputs() defaults to 's3://<bucket>/<pipeline>/<execution id>/transform_output', without the step name",
    artefact: 'builder',
    defectClass: 'not-reproducible',
    base: 'BatchTransform',
    caughtBy: 'level3.output_locations',
    severity: 'major',
    messageFragment: "does not depend on the step's name",
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getOutputs(outputs: Readonly<Record<string, PipelineValue>>): PipelineValue {
            return (
              outputs[this.transformOutput] ??
              this.config.output_path ?? {
                'Std:Join': {
                  On: '/',
                  Values: ['s3:/', this.config.bucket, this.config.pipeline_name, { Get: 'Execution.PipelineExecutionId' }, this.transformOutput],
                },
              }
            );
          }
        },
      ),
  }),
];

// --- The specification ------------------------------------------------------------------------------------------
const specificationDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.transform-output-path-not-on-shape',
    title: 'The predictions are read at TransformOutput.S3Uri, which DescribeTransformJob does not have',
    change: 'transform_output.propertyPath became properties.TransformOutput.S3Uri',
    artefact: 'spec',
    defectClass: 'specification',
    base: 'BatchTransform',
    caughtBy: 'level2.property_paths_exist',
    severity: 'blocker',
    messageFragment: "property path 'properties.TransformOutput.S3Uri', which does not exist on DescribeTransformJobResponse",
    make: () =>
      withSpecAndContract(realBuilder('BatchTransform'), (spec) => {
        const output = spec.outputs?.find((o) => o.logicalName === 'transform_output') as { propertyPath: string } | undefined;
        if (output) output.propertyPath = 'properties.TransformOutput.S3Uri';
      }),
  }),
];

// --- The builder interface -----------------------------------------------------------------------------------
const interfaceDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.transform-step-type-misspelt',
    title: "The spec's step type is spelt differently from the registered name",
    change: "stepType 'BatchTransform' became 'Batchtransform'",
    artefact: 'spec',
    defectClass: 'interface',
    base: 'BatchTransform',
    caughtBy: 'level1.naming_conventions',
    severity: 'minor',
    messageFragment: "The specification's stepType 'Batchtransform' must equal the registry step name 'BatchTransform'",
    make: () =>
      withSpecAndContract(realBuilder('BatchTransform'), (spec) => {
        (spec as { stepType: string }).stepType = 'Batchtransform';
      }),
  }),
  defineDefect({
    id: 'builder.transform-step-name-not-registered-name',
    title: 'The builder names its step differently from the name it is registered under',
    change: "getStepName() returns 'Transform-<job type>' (the class name without 'Batch')",
    artefact: 'builder',
    defectClass: 'interface',
    base: 'BatchTransform',
    caughtBy: 'level1.registry_integration',
    severity: 'minor',
    messageFragment: "getStepName() returned 'Transform-Testing', but the builder is registered as 'BatchTransform-Testing'",
    make: () =>
      transformWith(
        class BatchTransformStepBuilder extends RealBatchTransformStepBuilder {
          override getStepName(): string {
            return super.getStepName().replace(/^BatchTransform/, 'Transform');
          }
        },
      ),
  }),
];

export const transformDefects: readonly SeededDefect[] = [
  ...schemaDefects,
  ...serviceModelDefects,
  ...settingDefects,
  ...encodingDefects,
  ...wiringDefects,
  ...misspeltSourceDefects,
  ...reproducibilityDefects,
  ...specificationDefects,
  ...interfaceDefects,
];
