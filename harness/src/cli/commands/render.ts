import {
  type BasePipelineConfig,
  type BuilderRegistration,
  type BuilderRegistry,
  ConfigValidationError,
  InMemoryArtifactStore,
  parseBuilderConfig,
  type PipelineStepDefinition,
  UnknownBuilderError,
} from '@stepscore/step-builder';
import { isPipelineExpression, type PipelineExpression, type PipelineParameterDeclaration, pipelineParametersOf } from '@stepscore/sagemaker';
import { type DependencySpec, StepSpecification } from '@stepscore/step-model';
import type { Command } from 'commander';
import { CliError, type CliIo, EXIT_USAGE, writeLine } from '../cli-io.js';
import { errorMessage } from '../../error-message.js';
import { readJsonConfigFile } from '../config-file.js';
import { exitCodesHelp } from '../exit-codes.js';
import { loadCliProject, PROJECT_CONFIG_HELP } from '../project-option.js';

interface RenderOptions {
  readonly config?: string;
  readonly stepscoreConfig?: string;
  readonly input: readonly string[];
  readonly json?: boolean;
}

const INPUT_OPTION = /^([^=\s]+)=(.*)$/;
const S3_URI = /^s3:\/\/[^/\s]+(\/\S*)?$/;

export function registerRenderCommand(program: Command, io: CliIo): void {
  program
    .command('render')
    .description('print the step definition a builder emits for a config (the default config when none is given)')
    .argument('<builder>', "a registered builder's step name (see `stepscore list`)")
    .option('-c, --config <file>', 'a JSON file with the builder config')
    .option(
      '-i, --input <name=s3uri>',
      'the S3 location of one of the builder dependencies, or a pipeline expression as JSON such as name={"Get":"Parameters.TrainData"} (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print only the step definition, as JSON')
    .addHelpText(
      'after',
      `
Required inputs left out get an example location under the config's bucket (a note on stderr says which).

${exitCodesHelp('render')}

Examples:
  $ pnpm stepscore render PyTorchTraining
  $ pnpm stepscore render XGBoostTraining --config xgb.json --input input_path=s3://my-bucket/data --json`,
    )
    .option('--stepscore-config <file>', `${PROJECT_CONFIG_HELP}; --config here is the builder's JSON config`)
    .action(async (builderName: string, options: RenderOptions) => {
      const { registry } = await loadCliProject(options.stepscoreConfig);
      const registration = findBuilder(registry, builderName);
      const rawConfig = options.config === undefined ? registration.defaultConfig : readJsonConfigFile(options.config);
      const config = parseConfigOrExplain(registration, rawConfig, options.config);
      const spec = StepSpecification.create(registration.spec);
      const given = parseInputs(options.input, registration.stepName, spec);
      const inputs = { ...exampleInputs(spec, given, config.bucket, io), ...given };
      const artifactStore = new InMemoryArtifactStore();
      const step = await createStep(registration, config, inputs, artifactStore);
      if (options.json) {
        writeLine(io.stdout, JSON.stringify(step, null, 2));
        return;
      }
      writeLine(io.stdout, summarize(registration, step, options.config, artifactStore));
      writeLine(io.stdout);
      writeLine(io.stdout, 'Step definition:');
      writeLine(io.stdout, JSON.stringify(step, null, 2));
      writeLine(io.stdout);
      writeLine(io.stdout, 'Pipeline parameters the step refers to (declare them in the pipeline definition):');
      writeLine(io.stdout, JSON.stringify(declaredParameters(step), null, 2));
    });
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

function findBuilder(registry: BuilderRegistry, name: string): BuilderRegistration {
  try {
    return registry.get(name);
  } catch (error) {
    if (error instanceof UnknownBuilderError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

function parseConfigOrExplain(registration: BuilderRegistration, raw: unknown, source: string | undefined): BasePipelineConfig {
  try {
    return parseBuilderConfig(registration, raw, source ?? 'default config');
  } catch (error) {
    if (error instanceof ConfigValidationError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

function describeDependencies(spec: StepSpecification): string {
  return [...spec.dependencies.values()].map((d) => `${d.logicalName} (${d.required ? 'required' : 'optional'})`).join(', ');
}

/** The `Parameters` list of a pipeline holding this step: every `{"Get": "Parameters.X"}`, typed by where it sits. */
function declaredParameters(step: PipelineStepDefinition): readonly PipelineParameterDeclaration[] {
  try {
    return pipelineParametersOf(step.Type === 'Training' ? step.Arguments : {});
  } catch (error) {
    throw new CliError(`${step.Name}: ${errorMessage(error)}`);
  }
}

/** `{"Get": ...}` / `{"Std:Join": ...}` given as the value of `--input name=...`, or undefined when it is not JSON. */
function expressionInput(value: string, option: string): PipelineExpression | undefined {
  if (!value.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new CliError(`Malformed --input '${option}': the value is not valid JSON (${errorMessage(error)})`, EXIT_USAGE);
  }
  if (!isPipelineExpression(parsed)) {
    throw new CliError(`Malformed --input '${option}': expected a pipeline expression such as {"Get":"Parameters.TrainData"}`, EXIT_USAGE);
  }
  return parsed;
}

/** `--input name=s3://...` (or `name={"Get": ...}`) options as logical input name → URI, each name one of the builder's dependencies. */
export function parseInputs(values: readonly string[], builder: string, spec: StepSpecification): Record<string, string | PipelineExpression> {
  const inputs: Record<string, string | PipelineExpression> = {};
  for (const value of values) {
    const match = INPUT_OPTION.exec(value);
    if (!match) throw new CliError(`Malformed --input '${value}': expected name=s3://bucket/prefix, e.g. input_path=s3://my-bucket/data`, EXIT_USAGE);
    const [, name, uri] = match as unknown as [string, string, string];
    if (!spec.dependencies.has(name)) {
      throw new CliError(`Unknown input '${name}' for ${builder}. Its dependencies are: ${describeDependencies(spec)}`, EXIT_USAGE);
    }
    const expression = expressionInput(uri, value);
    if (expression !== undefined) {
      if (name in inputs) throw new CliError(`--input ${name} is given twice`, EXIT_USAGE);
      inputs[name] = expression;
      continue;
    }
    if (!S3_URI.test(uri)) throw new CliError(`Malformed --input '${value}': '${uri}' is not an s3:// URI such as s3://my-bucket/data`, EXIT_USAGE);
    if (name in inputs) throw new CliError(`--input ${name} is given twice`, EXIT_USAGE);
    inputs[name] = uri;
  }
  return inputs;
}

/** An example location for every required input not given, so that a step can always be shown. */
function exampleInputs(spec: StepSpecification, given: Readonly<Record<string, unknown>>, bucket: string, io: CliIo): Record<string, string> {
  const missing = spec.listRequiredDependencies().filter((d: DependencySpec) => !(d.logicalName in given));
  const examples = Object.fromEntries(missing.map((d) => [d.logicalName, `s3://${bucket}/example-inputs/${d.logicalName}`]));
  for (const [name, uri] of Object.entries(examples)) {
    writeLine(io.stderr, `note: no --input for required input '${name}': using ${uri} (pass --input ${name}=s3://... to choose it)`);
  }
  return examples;
}

async function createStep(
  registration: BuilderRegistration,
  config: BasePipelineConfig,
  inputs: Record<string, string | PipelineExpression>,
  artifactStore: InMemoryArtifactStore,
): Promise<PipelineStepDefinition> {
  let builder: InstanceType<typeof registration.builderClass>;
  try {
    builder = new registration.builderClass(config, { artifactStore });
  } catch (error) {
    throw new CliError(`${registration.stepName} could not be constructed: ${errorMessage(error)}`);
  }
  try {
    return await builder.createStep({ inputs });
  } catch (error) {
    throw new CliError(`${registration.stepName} could not create its step: ${errorMessage(error)}`);
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The parts of the step a person looks at first; the full definition follows it. */
function summarize(registration: BuilderRegistration, step: PipelineStepDefinition, configFile: string | undefined, store: InMemoryArtifactStore): string {
  const args = step.Arguments as {
    AlgorithmSpecification?: { TrainingImage?: unknown };
    ResourceConfig?: { InstanceCount?: unknown; InstanceType?: unknown; VolumeSizeInGB?: unknown };
    StoppingCondition?: { MaxRuntimeInSeconds?: unknown };
    RoleArn?: unknown;
    OutputDataConfig?: { S3OutputPath?: unknown };
    InputDataConfig?: { ChannelName?: unknown; DataSource?: { S3DataSource?: { S3Uri?: unknown } } }[];
    HyperParameters?: Record<string, unknown>;
    Environment?: Record<string, unknown>;
  };
  const lines = [`${registration.stepName}: ${step.Type} step '${step.Name}' (${configFile ? `config ${configFile}` : 'default config'})`];
  const row = (label: string, value: string) => lines.push(`  ${`${label}:`.padEnd(17)}${value}`);
  if (args.AlgorithmSpecification?.TrainingImage !== undefined) row('Image', text(args.AlgorithmSpecification.TrainingImage));
  if (args.ResourceConfig) {
    const r = args.ResourceConfig;
    const limit = args.StoppingCondition?.MaxRuntimeInSeconds;
    row(
      'Instances',
      `${text(r.InstanceCount)} × ${text(r.InstanceType)}, ${text(r.VolumeSizeInGB)} GB${limit !== undefined ? `, at most ${text(limit)} s` : ''}`,
    );
  }
  if (args.RoleArn !== undefined) row('Role', text(args.RoleArn));
  for (const channel of args.InputDataConfig ?? []) row(`Channel ${text(channel.ChannelName)}`, text(channel.DataSource?.S3DataSource?.S3Uri));
  if (args.OutputDataConfig) row('Output', text(args.OutputDataConfig.S3OutputPath));
  if (args.HyperParameters) {
    const names = Object.keys(args.HyperParameters);
    const framework = names.filter((n) => n.startsWith('sagemaker_')).length;
    row('Hyperparameters', `${names.length} (${framework} set by the framework)`);
  }
  if (args.Environment)
    row(
      'Environment',
      Object.entries(args.Environment)
        .map(([k, v]) => `${k}=${text(v)}`)
        .join(', '),
    );
  row('Depends on', step.DependsOn?.length ? step.DependsOn.join(', ') : 'nothing');
  row('Cache', step.CacheConfig?.Enabled ? `enabled, expires after ${step.CacheConfig.ExpireAfter ?? '(no expiry)'}` : 'disabled');
  for (const artifact of store.artifacts) row('Generated file', `${artifact.s3Uri} (render keeps it in memory: nothing is uploaded)`);
  return lines.join('\n');
}
