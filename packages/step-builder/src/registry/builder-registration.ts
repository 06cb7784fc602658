import type { StepTypeName } from '@stepscore/sagemaker';
import type { ScriptContract, StepSpecificationInput } from '@stepscore/step-model';
import type { z } from 'zod';
import type { BasePipelineConfig, BasePipelineConfigFields } from '../config/base-pipeline-config.js';
import { type ConfigParse, parseConfig, tryParseConfig } from '../config/parse-config.js';
import type { StepBuilderBase, StepBuilderOptions } from '../builder/step-builder-base.js';

/**
 * The step type a builder registers under: the vocabulary's step types. 'RegisterModel' stays only because the
 * harness's per-type tables still name it; no vocabulary entry or builder base exists for it.
 */
export type SageMakerStepType = StepTypeName | 'RegisterModel';

export type BuilderClass<C extends BasePipelineConfig = BasePipelineConfig> = new (config: C, options?: StepBuilderOptions) => StepBuilderBase<C>;

/** Everything the harness needs to know about one builder, registered under its step name. */
export interface BuilderRegistration<C extends BasePipelineConfig = BasePipelineConfig> {
  /** The registry key, e.g. `PyTorchTraining`; the builder class is `<stepName>StepBuilder`. */
  readonly stepName: string;
  readonly stepType: SageMakerStepType;
  readonly framework: string;
  readonly description: string;
  readonly builderClass: BuilderClass<C>;
  readonly configSchema: z.ZodType<BasePipelineConfigFields>;
  readonly spec: StepSpecificationInput;
  /** The script's contract; undefined for step types that run no script of their own (Transform, CreateModel). */
  readonly contract?: ScriptContract | undefined;
  /** Raw config data that the schema accepts: what runs use when no config is given. */
  readonly defaultConfig: Readonly<Record<string, unknown>>;
}

export function defineBuilder<C extends BasePipelineConfig>(registration: BuilderRegistration<C>): BuilderRegistration<C> {
  return registration;
}

/** @throws ConfigValidationError naming every bad field. */
export function parseBuilderConfig<C extends BasePipelineConfig>(registration: BuilderRegistration<C>, raw: unknown, source?: string): C {
  return parseConfig(registration.configSchema, raw, `${registration.stepName}`, source) as unknown as C;
}

/** `parseBuilderConfig` whose refusal is returned (its issues), not thrown. */
export function tryParseBuilderConfig<C extends BasePipelineConfig>(registration: BuilderRegistration<C>, raw: unknown): ConfigParse<C> {
  return tryParseConfig(registration.configSchema, raw) as unknown as ConfigParse<C>;
}

export class UnknownBuilderError extends Error {
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown builder '${requested}'. Registered builders: ${known.join(', ')}. Run 'pnpm stepscore list' to see them.`);
    this.name = 'UnknownBuilderError';
  }
}

/** A registration of any config type: the registry holds builders of different configs side by side. */
// biome-ignore lint/suspicious/noExplicitAny: a registration's config type varies per builder; `unknown` would not let builders of any config in
export type AnyBuilderRegistration = BuilderRegistration<any>;

export class BuilderRegistry {
  private readonly byName = new Map<string, BuilderRegistration>();

  constructor(registrations: readonly AnyBuilderRegistration[]) {
    for (const registration of registrations as readonly BuilderRegistration[]) {
      if (this.byName.has(registration.stepName)) {
        throw new Error(`Builder '${registration.stepName}' is registered twice: each step name must be unique`);
      }
      this.byName.set(registration.stepName, registration);
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  all(): BuilderRegistration[] {
    return [...this.byName.values()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Exact step name first, then case-insensitive. @throws UnknownBuilderError */
  get(name: string): BuilderRegistration {
    const found = this.byName.get(name) ?? [...this.byName.values()].find((r) => r.stepName.toLowerCase() === name.toLowerCase());
    if (!found) throw new UnknownBuilderError(name, this.names());
    return found;
  }
}
