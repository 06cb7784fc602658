import { SemanticMatcher, SpecificationRegistry, UnifiedDependencyResolver, resolvedToGetExpressions } from '@stepscore/dependency-resolver';
import {
  type GetExpression,
  type OutputSpec,
  StepSpecification,
  type StepSpecificationInput,
  type ScriptContract,
  pythonListRepr,
  stripPropertiesPrefix,
} from '@stepscore/step-model';
import type { BasePipelineConfig } from '../config/base-pipeline-config.js';
import { isRegionCode } from '../config/regions.js';
import { type ArtifactStore, InMemoryArtifactStore } from './artifact-store.js';
import { capitalize, MAX_STEP_NAME_LENGTH, sanitizeNameForSageMaker, stepNameFromClassName } from './naming.js';
import type { CacheConfig, PipelineStepDefinition, PipelineValue } from './step-definition.js';

// Name similarities are a pure function of the names: one matcher's cache of them serves every builder.
const sharedMatcher = new SemanticMatcher();

/** A step already in the pipeline that this one may take inputs from. */
export interface DependencyStep {
  readonly name: string;
  readonly spec: StepSpecification;
}

export interface CreateStepOptions {
  /** Logical input name → S3 URI or expression; wins over what dependencies supply. */
  readonly inputs?: Readonly<Record<string, PipelineValue>>;
  /** Logical output name → where it goes, for step types whose outputs have destinations of their own. */
  readonly outputs?: Readonly<Record<string, PipelineValue>>;
  /** Upstream steps whose outputs are matched to this step's dependencies. */
  readonly dependencies?: readonly DependencyStep[];
  /** Extra step names to wait for, besides the dependencies. */
  readonly dependsOn?: readonly string[];
  readonly enableCaching?: boolean;
}

export interface StepBuilderOptions {
  /** IAM role the job runs as; defaults to the config's role. */
  readonly role?: string;
  /** Where generated files go; defaults to an in-memory store (nothing leaves the process). */
  readonly artifactStore?: ArtifactStore;
  /** Replaces the builder's own specification (used to test broken variants). */
  readonly spec?: StepSpecificationInput;
  /** The clock used for job names, in ms since the epoch. */
  readonly now?: () => number;
}

export class SpecContractAlignmentError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Spec-Contract alignment errors: ${pythonListRepr(errors)}`);
    this.name = 'SpecContractAlignmentError';
  }
}

/**
 * What every step builder is: a validated config plus a specification (and its script contract)
 * turned into a SageMaker pipeline step. Construction refuses a spec that disagrees with its contract.
 */
export abstract class StepBuilderBase<C extends BasePipelineConfig = BasePipelineConfig> {
  readonly config: C;
  readonly spec: StepSpecification;
  readonly contract: ScriptContract | undefined;
  readonly role: string;
  readonly awsRegion: string;
  readonly artifactStore: ArtifactStore;
  protected readonly now: () => number;

  constructor(config: C, spec: StepSpecificationInput, options: StepBuilderOptions = {}) {
    this.config = config;
    this.spec = StepSpecification.create(options.spec ?? spec);
    this.contract = this.spec.scriptContract;
    this.role = options.role ?? config.role;
    this.artifactStore = options.artifactStore ?? new InMemoryArtifactStore();
    this.now = options.now ?? Date.now;
    if (!isRegionCode(config.region)) {
      throw new Error(`Invalid region code: ${String(config.region)}. Must be one of: NA, EU, FE`);
    }
    this.awsRegion = config.aws_region;
    const alignment = this.spec.validateContractAlignment();
    if (!alignment.isValid) throw new SpecContractAlignmentError(alignment.errors);
    this.validateConfiguration();
  }

  /** @throws Error naming the first missing or invalid setting. */
  abstract validateConfiguration(): void;
  /** Maps logical inputs to what the request reads them from (channels, processing inputs, a model's data...). */
  abstract getInputs(inputs: Readonly<Record<string, PipelineValue>>): unknown;
  /**
   * Where the step's outputs go: the S3 location a Training or Transform job writes under, the ProcessingOutputs
   * of a Processing job; a CreateModel step writes nothing and returns its outputs' references.
   */
  abstract getOutputs(outputs: Readonly<Record<string, PipelineValue>>): unknown;
  abstract createStep(options?: CreateStepOptions): Promise<PipelineStepDefinition>;

  /** The class name without `StepBuilder`, plus `-<JobType>` when the config has a job type. */
  getStepName(): string {
    const base = stepNameFromClassName(this.constructor.name);
    const jobType = (this.config as { job_type?: string }).job_type;
    const name = jobType ? `${base}-${capitalize(jobType)}` : base;
    return name.slice(0, MAX_STEP_NAME_LENGTH);
  }

  /** `<step>-<unix seconds>`, sanitised to SageMaker's job-name rules. */
  generateJobName(): string {
    const seconds = Math.floor(this.now() / 1000);
    return sanitizeNameForSageMaker(`${this.getStepName()}-${seconds}`);
  }

  /**
   * From the contract: required variables must come from the config (a field named like the variable in
   * lowercase, or a hyperparameter of that name); optional ones fall back to their defaults; `config.env` wins.
   */
  getEnvironmentVariables(): Record<string, string> {
    const env: Record<string, string> = {};
    const overrides = (this.config as { env?: Record<string, string> }).env;
    if (!this.contract) return { ...(overrides ?? {}) };
    for (const name of this.contract.requiredEnvVars ?? []) {
      const value = this.lookupConfigValue(name) ?? overrides?.[name];
      if (value === undefined) {
        throw new Error(`Required environment variable '${name}' not found in config: set '${name.toLowerCase()}' or env.${name}`);
      }
      env[name] = value;
    }
    for (const [name, fallback] of Object.entries(this.contract.optionalEnvVars ?? {})) {
      env[name] = this.lookupConfigValue(name) ?? fallback;
    }
    return { ...env, ...(overrides ?? {}) };
  }

  /** `["--name", value, ...]` from the contract's expected arguments, or undefined when it has none. */
  getJobArguments(): string[] | undefined {
    const expected = this.contract?.expectedArguments ?? {};
    const names = Object.keys(expected);
    if (names.length === 0) return undefined;
    return names.flatMap((name) => [`--${name}`, this.lookupConfigValue(name.replace(/-/g, '_')) ?? (expected[name] as string)]);
  }

  getCacheConfig(enableCaching: boolean, expireAfter: string): CacheConfig {
    return enableCaching ? { Enabled: true, ExpireAfter: expireAfter } : { Enabled: false };
  }

  /** The spec's property path for an output (by logical name or alias), with `{placeholders}` filled in. */
  getPropertyPath(logicalName: string, formatArgs: Readonly<Record<string, string>> = {}): string | undefined {
    const output = this.spec.getOutputByNameOrAlias(logicalName);
    if (!output) return undefined;
    return output.propertyPath.replace(/\{(\w+)\}/g, (whole, key: string) => formatArgs[key] ?? whole);
  }

  getAllPropertyPaths(): Record<string, string> {
    return Object.fromEntries([...this.spec.outputs.values()].map((o: OutputSpec) => [o.logicalName, o.propertyPath]));
  }

  /** The name of the emitted step whose properties the spec's outputs refer to (CreateModel: `<name>-CreateModel`). */
  getOutputStepName(): string {
    return this.getStepName();
  }

  /** `{"Get": "Steps.<the step that produces it>.<path>"}` for one of this step's outputs. */
  getOutputReference(logicalName: string): GetExpression {
    const path = this.getPropertyPath(logicalName);
    if (!path) throw new Error(`${this.getStepName()} has no output '${logicalName}'`);
    return { Get: `Steps.${this.getOutputStepName()}.${stripPropertiesPrefix(path)}` };
  }

  /** Matches this step's dependencies to the outputs of the given steps with the dependency resolver. */
  extractInputsFromDependencies(dependencySteps: readonly DependencyStep[]): Record<string, GetExpression> {
    const registry = new SpecificationRegistry();
    const self = this.getStepName();
    registry.register(self, this.spec);
    for (const step of dependencySteps) registry.register(step.name, step.spec);
    const resolver = new UnifiedDependencyResolver(registry, sharedMatcher);
    const resolved = resolver.resolveStepDependencies(
      self,
      dependencySteps.map((s) => s.name),
    );
    return resolvedToGetExpressions(resolved);
  }

  private lookupConfigValue(name: string): string | undefined {
    const key = name.toLowerCase();
    const config = this.config as Record<string, unknown>;
    const hyperparameters = config['hyperparameters'] as Record<string, unknown> | undefined;
    const value = config[key] ?? hyperparameters?.[key];
    return value === undefined || value === null ? undefined : String(value);
  }
}
