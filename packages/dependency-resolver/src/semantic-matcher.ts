import type { OutputSpec } from '@stepscore/step-model';
import { normalizeName } from './name-normalizer.js';
import { DEFAULT_SEMANTIC_VOCABULARY, type SemanticVocabulary } from './semantic-vocabulary.js';
import { stringSimilarity, substringSimilarity, synonymSimilarity, tokenSimilarity } from './similarity-components.js';

export const SIMILARITY_WEIGHTS = { string: 0.3, token: 0.25, synonym: 0.25, substring: 0.2 } as const;

export interface SimilarityParts {
  readonly string: number;
  readonly token: number;
  readonly synonym: number;
  readonly substring: number;
}

export interface SimilarityExplanation {
  readonly score: number;
  readonly normalized: readonly [string, string];
  /** Unweighted component scores of the normalised names. */
  readonly parts: SimilarityParts;
}

export interface NameMatch {
  readonly name: string;
  readonly score: number;
}

const NORMALIZED_NAMES_KEPT = 10_000;
const SIMILARITIES_KEPT = 100_000;

export class SemanticMatcher {
  // The resolver compares the same few names over and over; both maps start afresh when full.
  private readonly normalizedNames = new Map<string, string>();
  private readonly similarities = new Map<string, number>();

  constructor(readonly vocabulary: SemanticVocabulary = DEFAULT_SEMANTIC_VOCABULARY) {}

  normalize(name: string): string {
    let normalized = this.normalizedNames.get(name);
    if (normalized === undefined) {
      if (this.normalizedNames.size >= NORMALIZED_NAMES_KEPT) this.normalizedNames.clear();
      normalized = normalizeName(name, this.vocabulary);
      this.normalizedNames.set(name, normalized);
    }
    return normalized;
  }

  /**
   * 0 when either raw name is empty, 1 when the normalised names are equal (even when both
   * normalise to nothing, e.g. two stop words), else the weighted sum of the component scores.
   */
  calculateSimilarity(name1: string, name2: string): number {
    if (name1.length === 0 || name2.length === 0) return 0;
    const norm1 = this.normalize(name1);
    const norm2 = this.normalize(name2);
    if (norm1 === norm2) return 1;
    const key = `${norm1}\n${norm2}`;
    let similarity = this.similarities.get(key);
    if (similarity === undefined) {
      if (this.similarities.size >= SIMILARITIES_KEPT) this.similarities.clear();
      similarity = weightedSum(this.parts(norm1, norm2));
      this.similarities.set(key, similarity);
    }
    return similarity;
  }

  /** The best similarity between `name` and the output's logical name or any of its aliases. */
  calculateSimilarityWithAliases(name: string, output: OutputSpec): number {
    let best = this.calculateSimilarity(name, output.logicalName);
    for (const alias of output.aliases) best = Math.max(best, this.calculateSimilarity(name, alias));
    return best;
  }

  /** Candidates scoring at least `threshold`, best first; equal scores keep the candidates' order. */
  findBestMatches(target: string, candidates: readonly string[], threshold = 0.5): NameMatch[] {
    return candidates
      .map((name) => ({ name, score: this.calculateSimilarity(target, name) }))
      .filter((match) => match.score >= threshold)
      .sort((x, y) => y.score - x.score);
  }

  explainSimilarity(name1: string, name2: string): SimilarityExplanation {
    const norm1 = this.normalize(name1);
    const norm2 = this.normalize(name2);
    return {
      score: this.calculateSimilarity(name1, name2),
      normalized: [norm1, norm2],
      parts: this.parts(norm1, norm2),
    };
  }

  private parts(norm1: string, norm2: string): SimilarityParts {
    return {
      string: stringSimilarity(norm1, norm2),
      token: tokenSimilarity(norm1, norm2),
      synonym: synonymSimilarity(norm1, norm2, this.vocabulary),
      substring: substringSimilarity(norm1, norm2),
    };
  }
}

function weightedSum(parts: SimilarityParts): number {
  return (
    parts.string * SIMILARITY_WEIGHTS.string +
    parts.token * SIMILARITY_WEIGHTS.token +
    parts.synonym * SIMILARITY_WEIGHTS.synonym +
    parts.substring * SIMILARITY_WEIGHTS.substring
  );
}
