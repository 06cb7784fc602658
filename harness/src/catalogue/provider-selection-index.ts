import { acceptedOutputTypes, CompatibilityScorer, normalizeStepType, SemanticMatcher } from '@stepscore/dependency-resolver';
import type { DependencySpec, DependencyType, OutputSpec, StepSpecification } from '@stepscore/step-model';

/** How many candidates the resolver reports for a dependency it cannot resolve (its best few). */
export const CANDIDATES_KEPT = 3;

interface Member {
  /** The provider's position in the catalogue: the resolver breaks ties by it, then by `outputIndex`. */
  readonly position: number;
  readonly outputIndex: number;
  readonly stepName: string;
  readonly spec: StepSpecification;
  /** The provider's step type as `compatibleSources` name it. */
  readonly sourceType: string;
}

/** Outputs of one type and signature (see `signatureOf`), across every provider that declares one. */
interface SignatureGroup {
  readonly output: OutputSpec;
  /** Ascending by position. */
  readonly members: Member[];
  /** Source type → its members, ascending by position. */
  readonly bySourceType: Map<string, Member[]>;
}

interface Candidate {
  readonly score: number;
  readonly member: Member;
}

/**
 * Every part of the compatibility score but one depends only on the output's type, data type, logical name
 * and aliases; the last (source compatibility) only on whether the provider's step type is among the
 * dependency's compatible sources. Outputs with the same signature therefore score exactly alike whenever
 * their providers fall on the same side of `compatibleSources`.
 */
function signatureOf(output: OutputSpec): string {
  return JSON.stringify([output.dataType, output.logicalName, output.aliases]);
}

function firstMembers(members: readonly Member[], keep: (m: Member) => boolean): Member[] {
  const found: Member[] = [];
  for (const member of members) {
    if (found.length >= CANDIDATES_KEPT) break;
    if (keep(member)) found.push(member);
  }
  return found;
}

/** The resolver's candidate order: best score first, then earlier provider, then earlier output. */
function compareCandidates(x: Candidate, y: Candidate): number {
  return y.score - x.score || x.member.position - y.member.position || x.member.outputIndex - y.member.outputIndex;
}

/**
 * Picks, out of a large catalogue, the few providers whose outputs can be a dependency's best candidate or
 * among its best few (`CANDIDATES_KEPT`), which is all the resolver reports: resolving against those gives
 * exactly what resolving against the whole catalogue gives.
 *
 * Outputs are grouped by type and signature, each group indexed by provider step type, once per catalogue.
 * For a dependency, each group splits into at most two classes of equal score (compatible source or not);
 * a class is scored once, with the resolver's own scorer, and offers its first few providers by position
 * (a later one has `CANDIDATES_KEPT` equal candidates ahead of it). The best few of those are the answer.
 * The work per dependency grows with the number of distinct output signatures, which the names and aliases
 * teams copy keep small, and not with the number of providers.
 */
export class ProviderSelectionIndex {
  private readonly groups = new Map<DependencyType, Map<string, SignatureGroup>>();
  // Shared by every selection from this index: the matcher caches the name similarities it has computed.
  private readonly scorer = new CompatibilityScorer(new SemanticMatcher());

  constructor(providers: readonly { readonly stepName: string; readonly spec: StepSpecification }[]) {
    providers.forEach(({ stepName, spec }, position) => {
      const sourceType = normalizeStepType(spec.stepType);
      for (const [outputIndex, output] of [...spec.outputs.values()].entries()) this.add(output, { position, outputIndex, stepName, spec, sourceType });
    });
  }

  private add(output: OutputSpec, member: Member): void {
    let byType = this.groups.get(output.outputType);
    if (!byType) this.groups.set(output.outputType, (byType = new Map()));
    const signature = signatureOf(output);
    let group = byType.get(signature);
    if (!group) byType.set(signature, (group = { output, members: [], bySourceType: new Map() }));
    // A provider holds a signature at most once: output names are unique within a spec.
    group.members.push(member);
    const sameSource = group.bySourceType.get(member.sourceType);
    if (sameSource) sameSource.push(member);
    else group.bySourceType.set(member.sourceType, [member]);
  }

  /** Positions of the providers that can matter to any of the dependencies, the excluded steps left out. */
  select(dependencies: Iterable<DependencySpec>, excluded: ReadonlySet<string>): Set<number> {
    const selected = new Set<number>();
    const eligible = (m: Member) => !excluded.has(m.stepName);
    for (const dependency of dependencies) {
      const sources = new Set(dependency.compatibleSources);
      const candidates: Candidate[] = [];
      for (const type of acceptedOutputTypes(dependency.dependencyType)) {
        for (const group of this.groups.get(type)?.values() ?? []) candidates.push(...this.candidatesIn(group, dependency, sources, eligible));
      }
      for (const { member } of candidates.sort(compareCandidates).slice(0, CANDIDATES_KEPT)) selected.add(member.position);
    }
    return selected;
  }

  /** Scores a class of members that all score alike, with the first member's spec standing for all. */
  private scored(dependency: DependencySpec, group: SignatureGroup, members: readonly Member[]): Candidate[] {
    if (members.length === 0) return [];
    const score = this.scorer.breakdown(dependency, group.output, (members[0] as Member).spec).total;
    return members.map((member) => ({ score, member }));
  }

  /** The group's candidates that can still be among the dependency's best few. */
  private candidatesIn(group: SignatureGroup, dependency: DependencySpec, sources: ReadonlySet<string>, eligible: (m: Member) => boolean): Candidate[] {
    // No compatible sources: every provider gets the same source score.
    if (sources.size === 0) return this.scored(dependency, group, firstMembers(group.members, eligible));
    const isCompatible = (m: Member) => sources.has(m.sourceType);
    const compatible = this.scored(
      dependency,
      group,
      [...sources]
        .flatMap((source) => firstMembers(group.bySourceType.get(source) ?? [], eligible))
        .sort((x, y) => x.position - y.position)
        .slice(0, CANDIDATES_KEPT),
    );
    if (compatible.length < CANDIDATES_KEPT) {
      // At most CANDIDATES_KEPT - 1 compatible members are passed over on the way.
      return [
        ...compatible,
        ...this.scored(
          dependency,
          group,
          firstMembers(group.members, (m) => eligible(m) && !isCompatible(m)),
        ),
      ];
    }
    // A compatible source adds to the score, so the others score strictly less, unless both reach the cap of 1;
    // then all tie and position decides, and only the others among the first few members can come in.
    if ((compatible[0] as Candidate).score < 1) return compatible;
    const earlyOthers = firstMembers(group.members, eligible).filter((m) => !isCompatible(m));
    return [...compatible, ...this.scored(dependency, group, earlyOthers)];
  }
}
