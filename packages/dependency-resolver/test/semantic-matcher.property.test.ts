import { DependencyType, type OutputSpec } from '@stepscore/step-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEMANTIC_VOCABULARY, SemanticMatcher } from '../src/index.js';
import { anyCodePointString } from '../../sagemaker/test/support/any-code-point.js';

const RUNS = 2000;

/** Words the matcher treats specially: synonyms, abbreviations, stop words; and separators it splits on. */
const vocabularyWords = [
  ...[...DEFAULT_SEMANTIC_VOCABULARY.synonymGroups.values()].flat(),
  ...DEFAULT_SEMANTIC_VOCABULARY.abbreviations.keys(),
  ...DEFAULT_SEMANTIC_VOCABULARY.stopWords,
];
const vocabularyName = fc
  .array(fc.oneof(fc.constantFrom(...vocabularyWords), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 5 })
  .chain((words) => fc.constantFrom('_', '-', ' ', '.', '').map((separator) => words.join(separator)));
/** Logical names, vocabulary compounds, printable text and any UTF-16 (lone surrogates included). */
const anyName = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,24}$/),
  vocabularyName,
  fc.string({ maxLength: 40 }),
  anyCodePointString({ maxLength: 40 }),
);

const inUnitInterval = (score: number): boolean => Number.isFinite(score) && score >= 0 && score <= 1;

describe('SemanticMatcher, for arbitrary names', () => {
  const matcher = new SemanticMatcher();

  it('calculateSimilarity is a number within [0, 1]', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(inUnitInterval(matcher.calculateSimilarity(a, b))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a non-empty name matches itself with exactly 1', () => {
    fc.assert(
      fc.property(
        anyName.filter((name) => name.length > 0),
        (name) => {
          expect(matcher.calculateSimilarity(name, name)).toBe(1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an empty name matches nothing', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(matcher.calculateSimilarity('', name)).toBe(0);
        expect(matcher.calculateSimilarity(name, '')).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('a fresh matcher gives the same score as one that has cached earlier comparisons', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(new SemanticMatcher().calculateSimilarity(a, b)).toBe(matcher.calculateSimilarity(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('calculateSimilarityWithAliases is within [0, 1] and at least the score against the logical name', () => {
    fc.assert(
      fc.property(anyName, anyName, fc.array(anyName, { maxLength: 4 }), (name, logicalName, aliases) => {
        const output: OutputSpec = {
          logicalName,
          outputType: DependencyType.MODEL_ARTIFACTS,
          propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
          aliases,
          dataType: 'S3Uri',
          description: '',
        };
        const score = matcher.calculateSimilarityWithAliases(name, output);
        expect(inUnitInterval(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(matcher.calculateSimilarity(name, logicalName));
      }),
      { numRuns: 500 },
    );
  });
});
