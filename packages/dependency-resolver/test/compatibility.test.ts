import { describe, expect, it } from 'vitest';
import {
  acceptedOutputTypes,
  areDataTypesCompatible,
  areTypesCompatible,
  CompatibilityScorer,
  keywordMatchRatio,
  normalizeStepType,
  SemanticMatcher,
} from '../src/index.js';
import { PROCESSED_DATA, sourceSpec, tabularPreprocessingSpec, XGBOOST_INPUT_PATH, xgboostTrainingSpec } from './spec-builders.js';

const scorer = new CompatibilityScorer(new SemanticMatcher());
const provider = tabularPreprocessingSpec();
const processedData = provider.getOutput('processed_data')!;
const inputPath = xgboostTrainingSpec().getDependency('input_path')!;

describe('the worked example of cursus.md §17.1', () => {
  it('scores XGBoostTraining.input_path against TabularPreprocessing_Training.processed_data at 0.814', () => {
    const breakdown = scorer.breakdown(inputPath, processedData, provider);
    expect(breakdown.typeCompatibility).toBe(0.2);
    expect(breakdown.dataTypeCompatibility).toBe(0.2);
    expect(breakdown.semanticSimilarity).toBe(0.25);
    expect(breakdown.exactMatchBonus).toBe(0.05);
    expect(breakdown.sourceCompatibility).toBe(0.1);
    expect(breakdown.keywordMatching).toBeCloseTo((2 / 7) * 0.05, 15);
    expect(breakdown.total).toBe(0.8142857142857143); // 0.2 + 0.2 + 0.25 + 0.05 + 0.1 + 0.05·2/7, summed in that order
    expect(breakdown.total).toBeCloseTo(0.814, 3);
    expect(scorer.score(inputPath, processedData, provider)).toBe(breakdown.total);
  });
});

describe('type compatibility', () => {
  it('follows the matrix', () => {
    expect(areTypesCompatible('training_data', 'processing_output')).toBe(true);
    expect(areTypesCompatible('processing_output', 'training_data')).toBe(true);
    expect(areTypesCompatible('payload_samples', 'processing_output')).toBe(true);
    expect(areTypesCompatible('processing_output', 'payload_samples')).toBe(false);
    expect(areTypesCompatible('hyperparameters', 'custom_property')).toBe(true);
    expect(areTypesCompatible('custom_property', 'hyperparameters')).toBe(false);
    expect(areTypesCompatible('model_artifacts', 'processing_output')).toBe(false);
    expect(acceptedOutputTypes('training_data')).toEqual(['processing_output', 'training_data']);
  });

  it('scores an incompatible type 0 and stops, while the breakdown still shows the other parts', () => {
    const modelDep = { ...inputPath, dependencyType: 'model_artifacts' as const };
    expect(scorer.score(modelDep, processedData, provider)).toBe(0);
    const breakdown = scorer.breakdown(modelDep, processedData, provider);
    expect(breakdown.typeCompatibility).toBe(0);
    expect(breakdown.semanticSimilarity).toBe(0.25);
    expect(breakdown.total).toBe(0);
  });

  it('gives 0.4 for the same type', () => {
    const same = { ...inputPath, dependencyType: 'processing_output' as const };
    expect(scorer.breakdown(same, processedData, provider).typeCompatibility).toBe(0.4);
  });
});

describe('data type compatibility', () => {
  it.each([
    ['S3Uri', 'S3Uri', 0.2],
    ['S3Uri', 'String', 0.1],
    ['String', 'S3Uri', 0.1],
    ['Integer', 'Float', 0.1],
    ['Float', 'Integer', 0.1],
    ['Boolean', 'Boolean', 0.2],
    ['Boolean', 'String', 0],
    ['String', 'Boolean', 0],
    ['Custom', 'Custom', 0.2],
    ['Custom', 'String', 0],
    ['S3Uri', 'Integer', 0],
  ])('%s ← %s scores %d', (depType, outType, expected) => {
    const dep = { ...inputPath, dataType: depType };
    const out = { ...processedData, dataType: outType };
    expect(scorer.breakdown(dep, out, provider).dataTypeCompatibility).toBe(expected);
  });

  it('treats an unknown type as compatible only with itself', () => {
    expect(areDataTypesCompatible('constructor', 'constructor')).toBe(true);
    expect(areDataTypesCompatible('constructor', 'String')).toBe(false);
  });
});

describe('source, name and keyword parts', () => {
  it('normalises the provider step type before checking compatible sources', () => {
    expect(normalizeStepType('TabularPreprocessing_Training')).toBe('TabularPreprocessing');
    expect(normalizeStepType('TabularPreprocessing_Calibration')).toBe('TabularPreprocessing');
    expect(normalizeStepType('RiskTableMapping_Validation')).toBe('RiskTableMapping');
    expect(normalizeStepType('XGBoostModelEval_Testing')).toBe('XGBoostModelEval');
    expect(normalizeStepType('PyTorchTraining')).toBe('PyTorchTraining');
    expect(normalizeStepType('CradleDataLoading_Training', new Map([['CradleDataLoading_Training', 'DataLoad']]))).toBe('DataLoad');
  });

  it('gives 0.1 for a listed source, 0 for another, 0.05 when no sources are listed', () => {
    expect(scorer.breakdown(inputPath, processedData, sourceSpec('PyTorchTraining', [PROCESSED_DATA])).sourceCompatibility).toBe(0);
    const unrestricted = { ...inputPath, compatibleSources: [] };
    expect(scorer.breakdown(unrestricted, processedData, provider).sourceCompatibility).toBe(0.05);
    const mapped = new CompatibilityScorer(new SemanticMatcher(), new Map([['TabularPreprocessing_Training', 'DataLoad']]));
    expect(mapped.breakdown(inputPath, processedData, provider).sourceCompatibility).toBe(0.1);
  });

  it('gives the name bonus for an exact logical name or alias only, case-sensitively', () => {
    const byName = { ...inputPath, logicalName: 'processed_data' };
    expect(scorer.breakdown(byName, processedData, provider).exactMatchBonus).toBe(0.05);
    const otherCase = { ...inputPath, logicalName: 'Input_Path' };
    expect(scorer.breakdown(otherCase, processedData, provider).exactMatchBonus).toBe(0);
  });

  it('matches keywords against the lowercased output logical name, not its aliases', () => {
    expect(keywordMatchRatio(XGBOOST_INPUT_PATH.semanticKeywords!, 'processed_data')).toBe(2 / 7);
    expect(keywordMatchRatio(['input'], 'processed_data')).toBe(0);
    expect(keywordMatchRatio(['data'], 'Processed_DATA')).toBe(1);
    expect(keywordMatchRatio([], 'processed_data')).toBe(0);
  });
});
