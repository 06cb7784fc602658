import { type DependencySpec, DependencyType, type OutputSpec, type StepSpecification, outputMatchesNameOrAlias } from '@stepscore/step-model';
import type { SemanticMatcher } from './semantic-matcher.js';
import { normalizeStepType } from './step-type.js';

/** Dependency type → output types it accepts. */
export const COMPATIBLE_OUTPUT_TYPES: Readonly<Record<DependencyType, readonly DependencyType[]>> = {
  [DependencyType.MODEL_ARTIFACTS]: [DependencyType.MODEL_ARTIFACTS],
  [DependencyType.TRAINING_DATA]: [DependencyType.PROCESSING_OUTPUT, DependencyType.TRAINING_DATA],
  [DependencyType.PROCESSING_OUTPUT]: [DependencyType.PROCESSING_OUTPUT, DependencyType.TRAINING_DATA],
  [DependencyType.HYPERPARAMETERS]: [DependencyType.HYPERPARAMETERS, DependencyType.CUSTOM_PROPERTY],
  [DependencyType.PAYLOAD_SAMPLES]: [DependencyType.PAYLOAD_SAMPLES, DependencyType.PROCESSING_OUTPUT],
  [DependencyType.CUSTOM_PROPERTY]: [DependencyType.CUSTOM_PROPERTY],
};

/** Data type → data types it accepts; a type not listed accepts only itself. */
const COMPATIBLE_DATA_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['S3Uri', ['S3Uri', 'String']],
  ['String', ['String', 'S3Uri']],
  ['Integer', ['Integer', 'Float']],
  ['Float', ['Float', 'Integer']],
  ['Boolean', ['Boolean']],
]);

/** The data types a dependency or an output may declare: the ones the resolver can compare. */
export const KNOWN_DATA_TYPES: readonly string[] = [...COMPATIBLE_DATA_TYPES.keys()];

export const COMPATIBILITY_WEIGHTS = {
  exactType: 0.4,
  compatibleType: 0.2,
  exactDataType: 0.2,
  compatibleDataType: 0.1,
  semantic: 0.25,
  exactName: 0.05,
  compatibleSource: 0.1,
  unrestrictedSource: 0.05,
  keywords: 0.05,
} as const;

export interface ScoreBreakdown {
  readonly typeCompatibility: number;
  readonly dataTypeCompatibility: number;
  readonly semanticSimilarity: number;
  readonly exactMatchBonus: number;
  readonly sourceCompatibility: number;
  readonly keywordMatching: number;
  /** The compatibility score: 0 when the types are incompatible, else the parts' sum capped at 1. */
  readonly total: number;
}

/** The output types a dependency of this type can be satisfied by, its own type first. */
export function acceptedOutputTypes(dependencyType: DependencyType): readonly DependencyType[] {
  const listed = COMPATIBLE_OUTPUT_TYPES[dependencyType];
  return listed.includes(dependencyType) ? listed : [dependencyType, ...listed];
}

export function areTypesCompatible(dependencyType: DependencyType, outputType: DependencyType): boolean {
  return COMPATIBLE_OUTPUT_TYPES[dependencyType].includes(outputType);
}

export function areDataTypesCompatible(dependencyDataType: string, outputDataType: string): boolean {
  return (COMPATIBLE_DATA_TYPES.get(dependencyDataType) ?? [dependencyDataType]).includes(outputDataType);
}

/** Share of the keywords found (as substrings) in the lowercased output name; 0 with no keywords. */
export function keywordMatchRatio(keywords: readonly string[], outputName: string): number {
  if (keywords.length === 0) return 0;
  const name = outputName.toLowerCase();
  return keywords.filter((keyword) => name.includes(keyword.toLowerCase())).length / keywords.length;
}

function typeScore(dep: DependencySpec, output: OutputSpec): number {
  if (dep.dependencyType === output.outputType) return COMPATIBILITY_WEIGHTS.exactType;
  return areTypesCompatible(dep.dependencyType, output.outputType) ? COMPATIBILITY_WEIGHTS.compatibleType : 0;
}

function dataTypeScore(dep: DependencySpec, output: OutputSpec): number {
  if (dep.dataType === output.dataType) return COMPATIBILITY_WEIGHTS.exactDataType;
  return areDataTypesCompatible(dep.dataType, output.dataType) ? COMPATIBILITY_WEIGHTS.compatibleDataType : 0;
}

/** Scores how well one provider output satisfies one dependency (reference §17.1). */
export class CompatibilityScorer {
  constructor(
    private readonly matcher: SemanticMatcher,
    private readonly canonicalStepTypes?: ReadonlyMap<string, string>,
  ) {}

  normalizeStepType(stepType: string): string {
    return normalizeStepType(stepType, this.canonicalStepTypes);
  }

  score(dep: DependencySpec, output: OutputSpec, providerSpec: StepSpecification): number {
    if (typeScore(dep, output) === 0) return 0;
    return this.breakdown(dep, output, providerSpec).total;
  }

  /** Every part, including the semantic ones when the types are incompatible. */
  breakdown(dep: DependencySpec, output: OutputSpec, providerSpec: StepSpecification): ScoreBreakdown {
    const typeCompatibility = typeScore(dep, output);
    const dataTypeCompatibility = dataTypeScore(dep, output);
    const semanticSimilarity = this.matcher.calculateSimilarityWithAliases(dep.logicalName, output) * COMPATIBILITY_WEIGHTS.semantic;
    const exactMatchBonus = outputMatchesNameOrAlias(output, dep.logicalName) ? COMPATIBILITY_WEIGHTS.exactName : 0;
    const sourceCompatibility = this.sourceScore(dep, providerSpec);
    const keywordMatching = keywordMatchRatio(dep.semanticKeywords, output.logicalName) * COMPATIBILITY_WEIGHTS.keywords;
    // Summed in the reference's order so that equal scores tie exactly as they do there.
    const sum = typeCompatibility + dataTypeCompatibility + semanticSimilarity + exactMatchBonus + sourceCompatibility + keywordMatching;
    const total = typeCompatibility === 0 ? 0 : Math.min(sum, 1);
    return { typeCompatibility, dataTypeCompatibility, semanticSimilarity, exactMatchBonus, sourceCompatibility, keywordMatching, total };
  }

  private sourceScore(dep: DependencySpec, providerSpec: StepSpecification): number {
    if (dep.compatibleSources.length === 0) return COMPATIBILITY_WEIGHTS.unrestrictedSource;
    return dep.compatibleSources.includes(this.normalizeStepType(providerSpec.stepType)) ? COMPATIBILITY_WEIGHTS.compatibleSource : 0;
  }
}
