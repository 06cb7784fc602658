import type { BasePipelineConfig, BuilderRegistration, BuilderRegistry, PipelineStepDefinition, StepBuilderBase, StepBuilderOptions } from '@stepscore/step-builder';
import { parseBuilderConfig } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import { type CatalogueView, type IndexedCatalogue, indexedCatalogue } from '../catalogue/indexed-catalogue.js';
import type { IntegrationBackend, IntegrationBackendFactory } from '../backends/integration-backend.js';
import { createMockedS3, type UploadedObject } from '../mocks/mocked-s3.js';
import { mockInputsFor } from './mock-inputs.js';
import { errorMessage, PrerequisiteError } from './prerequisite-error.js';

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
  private catalogueView?: CatalogueView;
  private readonly s3 = createMockedS3('us-east-1');
  private specMemo?: { value?: StepSpecification; error?: PrerequisiteError };
  private configMemo?: { value?: BasePipelineConfig; error?: PrerequisiteError };
  private builderMemo?: { value?: StepBuilderBase; error?: PrerequisiteError };
  private stepMemo?: Promise<PipelineStepDefinition>;
  private backendMemo?: Promise<IntegrationBackend>;

  constructor(options: CheckContextOptions) {
    this.registration = options.registration;
    this.registry = options.registry;
    this.rawConfig = options.rawConfig ?? options.registration.defaultConfig;
    this.backendFactory = options.backendFactory;
    this.catalogue = options.catalogue;
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

  /** A builder made anew with another config; for checks that probe config handling. */
  construct(config: BasePipelineConfig, options: StepBuilderOptions = {}): StepBuilderBase {
    return new this.registration.builderClass(config, { artifactStore: this.s3.store, now: () => FIXED_CLOCK_MS, ...options });
  }

  /** Mock S3 URIs for the builder's required dependencies. */
  mockInputs(): Record<string, string> {
    return mockInputsFor(this.builder().spec);
  }

  /** The step the builder creates from mocked inputs, created once per run. */
  step(): Promise<PipelineStepDefinition> {
    const builder = this.builder();
    this.stepMemo ??= builder.createStep({ inputs: this.mockInputs() }).catch((error: unknown) => {
      throw new PrerequisiteError({ kind: 'step_creation', message: `${this.registration.stepName} could not create its step: ${errorMessage(error)}` });
    });
    return this.stepMemo;
  }

  /** Objects the builder wrote through the (mocked) S3 client. */
  uploads(): UploadedObject[] {
    return this.s3.uploads();
  }

  backend(): Promise<IntegrationBackend> {
    this.backendMemo ??= this.backendFactory(this.awsRegion());
    return this.backendMemo;
  }

  awsRegion(): string {
    try {
      return this.config().aws_region;
    } catch {
      return 'us-east-1';
    }
  }

  async close(): Promise<void> {
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
