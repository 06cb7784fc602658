// The four component scores of the semantic matcher, each over two already-normalised names.
import { pythonSplit } from './python-text.js';
import type { SemanticVocabulary } from './semantic-vocabulary.js';
import { sequenceRatio } from './sequence-matcher.js';

const EXACT_TOKEN_SCORE = 1;
const SYNONYM_TOKEN_SCORE = 0.8;
const MIN_SUBSTRING_WORD_LENGTH = 3;

function tokenSet(name: string): Set<string> {
  return new Set(pythonSplit(name));
}

/** difflib's Ratcliff–Obershelp ratio of the two strings, spaces included. */
export function stringSimilarity(name1: string, name2: string): number {
  return sequenceRatio(name1, name2);
}

/** Jaccard index of the two token sets; 0 when either has no tokens. */
export function tokenSimilarity(name1: string, name2: string): number {
  const tokens1 = tokenSet(name1);
  const tokens2 = tokenSet(name2);
  if (tokens1.size === 0 || tokens2.size === 0) return 0;
  let shared = 0;
  for (const token of tokens1) if (tokens2.has(token)) shared++;
  return shared / (tokens1.size + tokens2.size - shared);
}

export function areSynonyms(word1: string, word2: string, vocabulary: SemanticVocabulary): boolean {
  for (const group of vocabulary.synonymGroups.values()) {
    if (group.includes(word1) && group.includes(word2)) return true;
  }
  return false;
}

/** Over every pair of distinct tokens (sets, so repeats count once): equal 1, synonyms 0.8, averaged. */
export function synonymSimilarity(name1: string, name2: string, vocabulary: SemanticVocabulary): number {
  const tokens1 = tokenSet(name1);
  const tokens2 = tokenSet(name2);
  let total = 0;
  let pairs = 0;
  for (const token1 of tokens1) {
    for (const token2 of tokens2) {
      pairs++;
      if (token1 === token2) total += EXACT_TOKEN_SCORE;
      else if (areSynonyms(token1, token2, vocabulary)) total += SYNONYM_TOKEN_SCORE;
    }
  }
  return pairs > 0 ? total / pairs : 0;
}

function containmentRatio(text1: string, text2: string): number {
  const longer = Math.max(text1.length, text2.length);
  // Python divides by zero here for two empty names; they are equal, so they score as equal names do.
  if (longer === 0) return 1;
  return Math.min(text1.length, text2.length) / longer;
}

/**
 * Shorter/longer length when one whole name contains the other (an empty name is contained in
 * any, scoring 0); otherwise the best such ratio over word pairs of 3+ characters each.
 */
export function substringSimilarity(name1: string, name2: string): number {
  if (name1.includes(name2) || name2.includes(name1)) return containmentRatio(name1, name2);
  let best = 0;
  for (const word1 of pythonSplit(name1)) {
    for (const word2 of pythonSplit(name2)) {
      if (word1.length < MIN_SUBSTRING_WORD_LENGTH || word2.length < MIN_SUBSTRING_WORD_LENGTH) continue;
      if (word1.includes(word2) || word2.includes(word1)) best = Math.max(best, containmentRatio(word1, word2));
    }
  }
  return best;
}
