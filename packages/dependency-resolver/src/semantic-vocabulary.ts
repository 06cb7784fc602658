/** The word lists the semantic matcher works with (reference §17.2). */
export interface SemanticVocabulary {
  /** Concept → words that mean it; two words are synonyms when some group holds both. */
  readonly synonymGroups: ReadonlyMap<string, readonly string[]>;
  /** Whole-word expansions applied during normalisation. */
  readonly abbreviations: ReadonlyMap<string, string>;
  readonly stopWords: ReadonlySet<string>;
}

export const DEFAULT_SEMANTIC_VOCABULARY: SemanticVocabulary = {
  synonymGroups: new Map([
    ['model', ['model', 'artifact', 'trained', 'output']],
    ['data', ['data', 'dataset', 'input', 'processed', 'training']],
    ['config', ['config', 'configuration', 'params', 'parameters', 'hyperparameters', 'settings']],
    ['payload', ['payload', 'sample', 'test', 'inference', 'example']],
    ['output', ['output', 'result', 'artifact', 'generated', 'produced']],
    ['training', ['training', 'train', 'fit', 'learn']],
    ['preprocessing', ['preprocessing', 'preprocess', 'processed', 'clean', 'transform']],
  ]),
  abbreviations: new Map([
    ['config', 'configuration'],
    ['params', 'parameters'],
    ['hyperparams', 'hyperparameters'],
    ['preprocess', 'preprocessing'],
    ['eval', 'evaluation'],
    ['reg', 'registration'],
    ['pkg', 'package'],
    ['packaged', 'package'],
  ]),
  stopWords: new Set(['the', 'a', 'an', 'and', 'or', 'but', 'in', 'on', 'at', 'to', 'for', 'of', 'with', 'by']),
};
