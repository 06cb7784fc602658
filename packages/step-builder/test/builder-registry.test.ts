import { describe, expect, it } from 'vitest';
import { type BuilderRegistration, BuilderRegistry, ConfigValidationError, defineBuilder, parseBuilderConfig, UnknownBuilderError } from '../src/index.js';
import { type ExampleConfig, exampleConfigSchema, ExampleTrainingStepBuilder, seedContract, seedSpec, validBaseConfig } from './support/example-builder.js';

const registration = (stepName: string): BuilderRegistration<ExampleConfig> =>
  defineBuilder<ExampleConfig>({
    stepName,
    stepType: 'Training',
    framework: 'example',
    description: 'an example builder',
    builderClass: ExampleTrainingStepBuilder,
    configSchema: exampleConfigSchema,
    spec: seedSpec(),
    contract: seedContract,
    defaultConfig: validBaseConfig,
  });

describe('BuilderRegistry', () => {
  const registry = new BuilderRegistry([registration('ExampleTraining'), registration('OtherTraining')]);

  it('lists builders in registration order', () => {
    expect(registry.names()).toEqual(['ExampleTraining', 'OtherTraining']);
    expect(registry.all().map((r) => r.stepName)).toEqual(['ExampleTraining', 'OtherTraining']);
  });

  it('finds a builder by exact step name, then case-insensitively', () => {
    expect(registry.has('ExampleTraining')).toBe(true);
    expect(registry.has('exampletraining')).toBe(false);
    expect(registry.get('exampletraining').stepName).toBe('ExampleTraining');
  });

  it('names the registered builders when asked for an unknown one', () => {
    expect(() => registry.get('Nope')).toThrow(UnknownBuilderError);
    expect(() => registry.get('Nope')).toThrow(
      "Unknown builder 'Nope'. Registered builders: ExampleTraining, OtherTraining. Run 'pnpm stepscore list' to see them.",
    );
  });

  it('refuses two builders under one step name', () => {
    expect(() => new BuilderRegistry([registration('ExampleTraining'), registration('ExampleTraining')])).toThrow(
      "Builder 'ExampleTraining' is registered twice: each step name must be unique",
    );
  });
});

describe('parseBuilderConfig', () => {
  it('validates with the registration schema and adds the derived fields', () => {
    const config = parseBuilderConfig(registration('ExampleTraining'), validBaseConfig);
    expect(config.pipeline_name).toBe('alice-fraud-xgboost-NA');
  });

  it('names the builder and the source in the error', () => {
    const parse = () => parseBuilderConfig(registration('ExampleTraining'), { ...validBaseConfig, region: 'XX' }, 'x.json');
    expect(parse).toThrow(ConfigValidationError);
    expect(parse).toThrow("Invalid ExampleTraining config (x.json):\n  - region: Invalid custom region code: XX. Must be one of ['NA','EU','FE']");
  });
});
