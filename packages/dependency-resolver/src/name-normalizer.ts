import { keepLowercaseAlphanumericAndWhitespace, pythonSplit } from './python-text.js';
import type { SemanticVocabulary } from './semantic-vocabulary.js';

const SEPARATORS = /[_.-]/g;

/**
 * Lowercase; `_`, `-`, `.` → space; drop everything but `[a-z0-9]` and whitespace; expand
 * abbreviations word by word; drop stop words; re-join with single spaces.
 */
export function normalizeName(name: string, vocabulary: SemanticVocabulary): string {
  const cleaned = keepLowercaseAlphanumericAndWhitespace(name.toLowerCase().replace(SEPARATORS, ' '));
  return pythonSplit(cleaned)
    .map((word) => vocabulary.abbreviations.get(word) ?? word)
    .filter((word) => !vocabulary.stopWords.has(word))
    .join(' ');
}
