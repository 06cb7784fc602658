import { describe, expect, it } from 'vitest';
import {
  DependencyType,
  type DependencySpecInput,
  dependencySpecErrors,
  logicalNameErrors,
  normalizeDependencySpec,
  normalizeOutputSpec,
  outputMatchesNameOrAlias,
  type OutputSpecInput,
  outputSpecErrors,
} from '../src/index.js';

const DEPENDENCY_TYPES_REPR = "['model_artifacts', 'processing_output', 'training_data', 'hyperparameters', 'payload_samples', 'custom_property']";

const dependency = (overrides: Partial<DependencySpecInput> = {}): DependencySpecInput => ({
  logicalName: 'input_path',
  dependencyType: DependencyType.TRAINING_DATA,
  ...overrides,
});

const output = (overrides: Partial<OutputSpecInput> = {}): OutputSpecInput => ({
  logicalName: 'model_output',
  outputType: DependencyType.MODEL_ARTIFACTS,
  propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
  ...overrides,
});

describe('logical names', () => {
  it.each(['input_path', 'model-output', 'A1', '  padded  '])('accepts %j', (name) => {
    expect(logicalNameErrors(name, 'logical_name')).toEqual([]);
  });

  it('rejects characters other than letters, digits, _ and -', () => {
    expect(logicalNameErrors('input path', 'logical_name')).toEqual([
      'logical_name should contain only alphanumeric characters, underscores, and hyphens (got "input path")',
    ]);
    expect(logicalNameErrors('a.b', 'logical_name')).toHaveLength(1);
  });

  it('rejects blank and non-string names', () => {
    expect(logicalNameErrors('   ', 'logical_name')).toEqual(['logical_name must not be empty']);
    expect(logicalNameErrors(42, 'logical_name')).toEqual(['logical_name must be a string']);
  });
});

describe('DependencySpec', () => {
  it('has no errors when valid', () => {
    expect(dependencySpecErrors(dependency())).toEqual([]);
  });

  it('names the allowed dependency types', () => {
    expect(dependencySpecErrors(dependency({ dependencyType: 'training' as DependencyType }))).toEqual([
      `dependency_type must be one of: ${DEPENDENCY_TYPES_REPR} (got "training")`,
    ]);
  });

  it('requires a boolean required flag', () => {
    expect(dependencySpecErrors(dependency({ required: 'yes' as unknown as boolean }))).toEqual(['required must be a boolean']);
  });

  it('applies the defaults: required, S3Uri, empty lists', () => {
    const spec = normalizeDependencySpec(dependency());
    expect(spec).toEqual({
      logicalName: 'input_path',
      dependencyType: 'training_data',
      required: true,
      compatibleSources: [],
      semanticKeywords: [],
      dataType: 'S3Uri',
      description: '',
    });
  });

  it('strips names, drops blanks and duplicates, lowercases keywords', () => {
    const spec = normalizeDependencySpec(
      dependency({
        logicalName: '  input_path ',
        compatibleSources: [' DataLoad', 'DataLoad', '', 'ProcessingStep'],
        semanticKeywords: ['Data', 'data ', ' ', 'TRAIN'],
      }),
    );
    expect(spec.logicalName).toBe('input_path');
    expect(spec.compatibleSources).toEqual(['DataLoad', 'ProcessingStep']);
    expect(spec.semanticKeywords).toEqual(['data', 'train']);
  });
});

describe('OutputSpec', () => {
  it('has no errors when valid', () => {
    expect(outputSpecErrors(output({ aliases: ['model_data', 'ModelArtifacts'] }))).toEqual([]);
  });

  it("requires the property path to start with 'properties.'", () => {
    expect(outputSpecErrors(output({ propertyPath: 'ModelArtifacts.S3ModelArtifacts' }))).toEqual([
      `property_path should start with 'properties.' (got "ModelArtifacts.S3ModelArtifacts")`,
    ]);
    expect(outputSpecErrors(output({ propertyPath: 'properties.' }))).toEqual([`property_path should start with 'properties.' (got "properties.")`]);
  });

  it('requires a property path', () => {
    expect(outputSpecErrors(output({ propertyPath: ' ' }))).toEqual(['property_path must not be empty']);
  });

  it('names the allowed output types', () => {
    expect(outputSpecErrors(output({ outputType: 'model' as DependencyType }))).toEqual([`output_type must be one of: ${DEPENDENCY_TYPES_REPR} (got "model")`]);
  });

  it('rejects an alias with illegal characters', () => {
    expect(outputSpecErrors(output({ aliases: ['model data'] }))).toEqual([
      'alias "model data" should contain only alphanumeric characters, underscores, and hyphens (got "model data")',
    ]);
  });

  it('rejects an alias that repeats the logical name, case-insensitively', () => {
    expect(outputSpecErrors(output({ aliases: ['Model_Output'] }))).toEqual([`alias "Model_Output" must not repeat the logical name 'model_output'`]);
  });

  it('de-duplicates aliases case-insensitively, keeping the first spelling and the order', () => {
    const spec = normalizeOutputSpec(output({ aliases: ['ModelArtifacts', 'model_data', 'modelartifacts', ' model_data '] }));
    expect(spec.aliases).toEqual(['ModelArtifacts', 'model_data']);
    expect(spec.dataType).toBe('S3Uri');
  });

  it('matches its logical name or an alias exactly (case-sensitive)', () => {
    const spec = normalizeOutputSpec(output({ aliases: ['ModelArtifacts'] }));
    expect(outputMatchesNameOrAlias(spec, 'model_output')).toBe(true);
    expect(outputMatchesNameOrAlias(spec, 'ModelArtifacts')).toBe(true);
    expect(outputMatchesNameOrAlias(spec, 'modelartifacts')).toBe(false);
    expect(outputMatchesNameOrAlias(spec, 'other')).toBe(false);
  });
});
