import { describe, expect, it } from 'vitest';
import { SemanticMatcher } from '../src/index.js';

const matcher = new SemanticMatcher();
const DIGITS = 4; // toBeCloseTo(x, 4): |difference| < 0.5e-4

describe('the reference test vectors (cursus.md §17.2)', () => {
  it('input_path ↔ processed_data = 0.2000', () => {
    const e = matcher.explainSimilarity('input_path', 'processed_data');
    expect(e.normalized).toEqual(['input path', 'processed data']);
    expect(e.score).toBeCloseTo(0.2, DIGITS);
    expect(e.parts.string).toBeCloseTo(0.3333, DIGITS);
    expect(e.parts.token).toBe(0);
    expect(e.parts.synonym).toBeCloseTo(0.4, DIGITS);
    expect(e.parts.substring).toBe(0);
    expect(matcher.calculateSimilarity('input_path', 'processed_data')).toBe(e.score);
  });

  it('model_input ↔ model_output = 0.6306', () => {
    const e = matcher.explainSimilarity('model_input', 'model_output');
    expect(e.score).toBeCloseTo(0.6306, DIGITS);
    expect(e.parts.string).toBeCloseTo(0.7826, DIGITS);
    expect(e.parts.token).toBeCloseTo(0.3333, DIGITS);
    expect(e.parts.synonym).toBeCloseTo(0.45, DIGITS);
    expect(e.parts.substring).toBe(1);
  });
});

describe('normalisation', () => {
  it.each([
    ['Model-Output.Path', 'model output path'],
    ['hyperparams_config', 'hyperparameters configuration'],
    ['eval_data', 'evaluation data'],
    ['pkg_reg', 'package registration'],
    ['packaged_model', 'package model'],
    ['preprocess_params', 'preprocessing parameters'],
    ['path_to_the_model', 'path model'],
    ['  data__for  a_model!! ', 'data model'],
    ['S3Uri(v2)', 's3uriv2'],
    ['the_of_and', ''],
  ])('%j → %j', (raw, normalized) => {
    expect(matcher.normalize(raw)).toBe(normalized);
  });

  it('splits on Python whitespace, which includes U+001C and excludes U+FEFF', () => {
    expect(matcher.normalize('model\u001cdata')).toBe('model data');
    expect(matcher.normalize('model\ufeffdata')).toBe('modeldata');
  });
});

describe('calculateSimilarity', () => {
  it('gives 1 for a name and itself, and for names that normalise alike', () => {
    for (const name of ['model_output', 'input_path', 'x', 'ModelArtifacts']) expect(matcher.calculateSimilarity(name, name)).toBe(1);
    expect(matcher.calculateSimilarity('Model-Output', 'model_output')).toBe(1);
    expect(matcher.calculateSimilarity('config', 'configuration')).toBe(1);
    expect(matcher.calculateSimilarity('hyperparams', 'hyperparameters')).toBe(1);
    expect(matcher.calculateSimilarity('model_of_data', 'model_data')).toBe(1);
  });

  it('checks emptiness on the raw names, so two stop words count as equal', () => {
    expect(matcher.calculateSimilarity('', 'model')).toBe(0);
    expect(matcher.calculateSimilarity('model', '')).toBe(0);
    expect(matcher.calculateSimilarity('the', 'of')).toBe(1);
    expect(matcher.calculateSimilarity('the', 'model')).toBe(0);
  });

  it('compares token sets, so repeated words count once', () => {
    // {model, output} × {output}: 0.8 (synonyms) + 1 (equal) over 2 pairs; a list would give 2.6 / 3.
    const e = matcher.explainSimilarity('model_model_output', 'output');
    expect(e.parts.synonym).toBeCloseTo(0.9, 12);
    expect(e.parts.token).toBeCloseTo(0.5, 12);
    expect(e.parts.substring).toBeCloseTo(6 / 18, 12);
    expect(e.parts.string).toBe(0.5); // difflib
    expect(e.score).toBeCloseTo(0.5666666666666667, 12);
  });

  it('prefers whole-name containment to word containment in the substring score', () => {
    expect(matcher.explainSimilarity('train', 'training_data').parts.substring).toBeCloseTo(5 / 13, 12);
    // No whole containment: the best word pair of 3+ letters, training ⊃ train.
    const e = matcher.explainSimilarity('xgb_training', 'train_job');
    expect(e.parts.substring).toBeCloseTo(5 / 8, 12);
    expect(e.parts.synonym).toBeCloseTo(0.2, 12);
    expect(e.parts.string).toBe(0.47619047619047616); // difflib
    expect(e.score).toBeCloseTo(0.31785714285714284, 12);
    expect(matcher.explainSimilarity('ab_model', 'abc_thing').parts.substring).toBe(0);
  });

  it('is symmetric except for the difflib part, which is not', () => {
    for (const [a, b] of [
      ['input_path', 'processed_data'],
      ['model_input', 'model_output'],
    ] as const) {
      expect(matcher.calculateSimilarity(a, b)).toBe(matcher.calculateSimilarity(b, a));
    }
    const forward = matcher.explainSimilarity('model_output', 'evaluation_output');
    const backward = matcher.explainSimilarity('evaluation_output', 'model_output');
    expect(forward.parts.string).toBe(0.5517241379310345); // difflib, both ways
    expect(backward.parts.string).toBe(0.6206896551724138);
    expect(forward.parts.token).toBe(backward.parts.token);
    expect(forward.parts.synonym).toBe(backward.parts.synonym);
    expect(forward.parts.substring).toBe(backward.parts.substring);
    expect(forward.score).not.toBe(backward.score);
  });
});

describe('calculateSimilarityWithAliases', () => {
  const output = {
    logicalName: 'processed_data',
    outputType: 'processing_output',
    propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
    aliases: ['input_path', 'training_data', 'model_input_data'],
    dataType: 'S3Uri',
    description: '',
  } as const;

  it('takes the best of the logical name and the aliases', () => {
    expect(matcher.calculateSimilarityWithAliases('input_path', output)).toBe(1);
    expect(matcher.calculateSimilarityWithAliases('training_data', { ...output, aliases: [] })).toBe(
      matcher.calculateSimilarity('training_data', 'processed_data'),
    );
    const viaAlias = matcher.calculateSimilarity('model_input', 'model_input_data');
    expect(viaAlias).toBeGreaterThan(matcher.calculateSimilarity('model_input', 'processed_data'));
    expect(matcher.calculateSimilarityWithAliases('model_input', output)).toBe(viaAlias);
  });
});

describe('findBestMatches', () => {
  it('keeps scores at or above the threshold, best first, ties in candidate order', () => {
    const matches = matcher.findBestMatches('model_output', ['model-output', 'input_path', 'model_input', 'Model_Output'], 0.6306 - 1e-3);
    expect(matches.map((m) => m.name)).toEqual(['model-output', 'Model_Output', 'model_input']);
    expect(matches[2]?.score).toBeCloseTo(matcher.calculateSimilarity('model_output', 'model_input'), 12);
  });

  it('defaults the threshold to 0.5, inclusive', () => {
    expect(matcher.findBestMatches('model_output', ['input_path', 'model_output']).map((m) => m.name)).toEqual(['model_output']);
    expect(matcher.findBestMatches('the', ['of'], 1)).toEqual([{ name: 'of', score: 1 }]);
  });
});
