import type {
  ArtifactStore,
  BasePipelineConfig,
  BuilderRegistration,
  BuilderRegistry,
  PipelineStepDefinition,
  StepBuilderBase,
  StepBuilderOptions,
} from '@stepscore/step-builder';
import { completeConfig, parseBuilderConfig } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import { type CatalogueView, type IndexedCatalogue, indexedCatalogue } from '../catalogue/indexed-catalogue.js';
import { type IntegrationBackend, type IntegrationBackendFactory, servedByMockNote } from '../backends/integration-backend.js';
import { createMockedS3, type UploadedObject } from '../mocks/mocked-s3.js';
import { takeParseFor } from '../scenarios/accepted-parses.js';
import { type BuiltScenario, type CreatedScenario, isCreated } from '../scenarios/built-scenario.js';
import { type DerivedScenarios, deriveScenarios } from '../scenarios/derive-scenarios.js';
import { mockInputsFor } from '../scenarios/mock-inputs.js';
import type { InvalidConfigProbe, ScenarioPlan } from '../scenarios/scenario.js';
import { PrerequisiteError } from './prerequisite-error.js';
import { errorMessage } from '../error-message.js';

/** Job names depend on the clock; a fixed one keeps every run's output the same. */
export const FIXED_CLOCK_MS = Date.UTC(2025, 7, 16, 0, 0, 0);

export interface CheckContextOptions {
  readonly registration: BuilderRegistration;
  readonly registry: BuilderRegistry;
  /** Raw config data; the registration's default config when absent. */
  readonly rawConfig?: unknown;
  readonly backendFactory: IntegrationBackendFactory;
  /** The upstream catalogue the Integration level resolves and assembles against; the built-in one when absent. */
  readonly catalogue?: IndexedCatalogue;
  /** Told before each scenario is built: each build is a stretch of work with a time limit of its own. */
  readonly onGatheringStep?: () => void;
}

/**
 * What checks see of one builder in one run. The config, the builder and its step are each made once,
 * on first use; when one cannot be made, every check that asks for it gets the same root cause.
 */
export class CheckContext {
  readonly registration: BuilderRegistration;
  readonly registry: BuilderRegistry;
  readonly rawConfig: unknown;
  private readonly backendFactory: IntegrationBackendFactory;
  private readonly catalogue: IndexedCatalogue | undefined;
  private readonly onGatheringStep: () => void;
  private catalogueView?: CatalogueView;
  private readonly s3 = createMockedS3('us-east-1');
  /**
   * Records a write a turn of the event loop after it starts, as a real upload would finish: a write the builder
   * did not wait for is not yet recorded when its step is returned.
   */
  private readonly store: ArtifactStore = {
    put: async (s3Uri, body, contentType) => {
      await new Promise((resolve) => setImmediate(resolve));
      // A write the builder never waited for may land after the run: it is dropped, as it was never judged.
      if (!this.closed) await this.s3.store.put(s3Uri, body, contentType);
    },
  };
  private closed = false;
  private specMemo?: { value?: StepSpecification; error?: PrerequisiteError };
  private configMemo?: { value?: BasePipelineConfig; error?: PrerequisiteError };
  private builderMemo?: { value?: StepBuilderBase; error?: PrerequisiteError };
  private stepMemo?: Promise<PipelineStepDefinition>;
  private defaultUploads?: UploadedObject[];
  private derivedMemo?: DerivedScenarios;
  private scenariosMemo?: Promise<BuiltScenario[]>;
  private backendMemo?: Promise<IntegrationBackend>;
  private backendRequests = 0;

  constructor(options: CheckContextOptions) {
    this.registration = options.registration;
    this.registry = options.registry;
    this.rawConfig = options.rawConfig ?? options.registration.defaultConfig;
    this.backendFactory = options.backendFactory;
    this.catalogue = options.catalogue;
    this.onGatheringStep = options.onGatheringStep ?? (() => {});
  }

  /** The upstream catalogue as this builder sees it: its own entry, when the catalogue holds one, left out. */
  upstreamCatalogue(): CatalogueView {
    this.catalogueView ??= (this.catalogue ?? indexedCatalogue()).forBuilder(this.registration.stepName);
    return this.catalogueView;
  }

  /** The builder's spec, validated; an invalid spec is the root cause of every check that needs it. */
  specification(): StepSpecification {
    this.specMemo ??= this.attempt(
      () => StepSpecification.create({ ...this.registration.spec, scriptContract: this.registration.contract }),
      'specification',
      `${this.registration.stepName}'s specification is invalid`,
    );
    if (this.specMemo.error) throw this.specMemo.error;
    return this.specMemo.value as StepSpecification;
  }

  config(): BasePipelineConfig {
    this.configMemo ??= this.attempt(() => parseBuilderConfig(this.registration, this.rawConfig), 'config', 'Config is invalid');
    if (this.configMemo.error) throw this.configMemo.error;
    return this.configMemo.value as BasePipelineConfig;
  }

  /** The builder, constructed once per run. */
  builder(): StepBuilderBase {
    const config = this.config();
    this.builderMemo ??= this.attempt(() => this.construct(config), 'builder_construction', `${this.registration.stepName} could not be constructed`);
    if (this.builderMemo.error) throw this.builderMemo.error;
    return this.builderMemo.value as StepBuilderBase;
  }

  protected construct(config: BasePipelineConfig, options: StepBuilderOptions = {}): StepBuilderBase {
    return new this.registration.builderClass(config, { artifactStore: this.store, now: () => FIXED_CLOCK_MS, ...options });
  }

  /** The scenarios derived from the builder's schema and spec (the spec must be valid to derive them). */
  derivedScenarios(): DerivedScenarios {
    this.derivedMemo ??= deriveScenarios(this.registration, this.specification(), this.rawConfig as Readonly<Record<string, unknown>>);
    return this.derivedMemo;
  }

  /** One config per schema rule that the schema must refuse. */
  invalidConfigProbes(): readonly InvalidConfigProbe[] {
    return this.derivedScenarios().invalid;
  }

  /**
   * Every valid scenario built once, in order, the default first. The default's failure is a root cause (it
   * throws, as step() does); another scenario's failure is recorded on it for the checks to judge.
   */
  scenarios(): Promise<BuiltScenario[]> {
    this.scenariosMemo ??= this.buildScenarios();
    return this.scenariosMemo;
  }

  /** The scenarios that produced a step. */
  async createdScenarios(): Promise<CreatedScenario[]> {
    return (await this.scenarios()).filter(isCreated);
  }

  private async buildScenarios(): Promise<BuiltScenario[]> {
    const [defaultPlan, ...others] = this.derivedScenarios().valid as [ScenarioPlan, ...ScenarioPlan[]];
    this.onGatheringStep();
    const step = await this.step();
    const built: BuiltScenario[] = [{ plan: defaultPlan, config: this.config(), builder: this.builder(), step, uploads: this.defaultUploads ?? [] }];
    for (const plan of others) {
      this.onGatheringStep();
      built.push(await this.buildScenario(plan));
    }
    return built;
  }

  private async buildScenario(plan: ScenarioPlan): Promise<BuiltScenario> {
    let config: BasePipelineConfig;
    try {
      // Derivation parsed most plans' configs already (and its schema accepted them): that output is used once.
      const parsed = takeParseFor(plan.rawConfig);
      config = parsed ? (completeConfig(parsed.output as BasePipelineConfig) as BasePipelineConfig) : parseBuilderConfig(this.registration, plan.rawConfig);
    } catch (error) {
      return { plan, failure: { stage: 'config', message: errorMessage(error) }, uploads: [] };
    }
    let builder: StepBuilderBase;
    try {
      builder = this.construct(config);
    } catch (error) {
      return { plan, config, failure: { stage: 'construction', message: errorMessage(error) }, uploads: [] };
    }
    const before = this.s3.uploads().length;
    try {
      const step = await builder.createStep({ inputs: plan.inputs });
      return { plan, config, builder, step, uploads: this.s3.uploads().slice(before) };
    } catch (error) {
      return { plan, config, builder, failure: { stage: 'step_creation', message: errorMessage(error) }, uploads: this.s3.uploads().slice(before) };
    }
  }

  /** Mock S3 URIs for the builder's required dependencies. */
  mockInputs(): Record<string, string> {
    return mockInputsFor(this.builder().spec);
  }

  /** The default scenario's step: the builder's, from mocked inputs, created once per run. */
  step(): Promise<PipelineStepDefinition> {
    const builder = this.builder();
    if (!this.stepMemo) {
      const before = this.s3.uploads().length;
      this.stepMemo = builder.createStep({ inputs: this.mockInputs() }).then(
        (step) => {
          this.defaultUploads = this.s3.uploads().slice(before);
          return step;
        },
        (error: unknown) => {
          throw new PrerequisiteError({ kind: 'step_creation', message: `${this.registration.stepName} could not create its step: ${errorMessage(error)}` });
        },
      );
    }
    return this.stepMemo;
  }

  /** Objects the builder wrote through the (mocked) S3 client while creating the default scenario's step. */
  uploads(): UploadedObject[] {
    return [...(this.defaultUploads ?? [])];
  }

  backend(): Promise<IntegrationBackend> {
    this.backendRequests += 1;
    this.backendMemo ??= this.backendFactory(this.awsRegion());
    return this.backendMemo;
  }

  /** How many times a check asked for the backend: a check that asked was served by it. */
  get backendRequestCount(): number {
    return this.backendRequests;
  }

  /** The backend's name and the operations it handed to the mock, or undefined when it could not be made. */
  async backendServedBy(): Promise<string | undefined> {
    const backend = await this.backendMemo?.catch(() => undefined);
    return backend ? `${backend.name}${servedByMockNote(backend)}` : undefined;
  }

  awsRegion(): string {
    try {
      return this.config().aws_region;
    } catch {
      return 'us-east-1';
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.s3.restore();
    if (this.backendMemo) await (await this.backendMemo.catch(() => undefined))?.close();
  }

  private attempt<T>(make: () => T, kind: 'specification' | 'config' | 'builder_construction', prefix: string): { value?: T; error?: PrerequisiteError } {
    try {
      return { value: make() };
    } catch (error) {
      if (error instanceof PrerequisiteError) return { error };
      return { error: new PrerequisiteError({ kind, message: `${prefix}: ${errorMessage(error)}` }) };
    }
  }
}
