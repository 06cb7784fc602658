import type { StepSpecificationInput } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';

/**
 * Entries of a list that normalisation silently drops: blank ones, and repeats (case-insensitively where the lists
 * are compared so). Each was written to mean something — a keyword, a source step type, an alias — and means nothing.
 */
function droppedEntries(list: readonly unknown[] | undefined, what: string, owner: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const entry of list ?? []) {
    if (typeof entry !== 'string') continue;
    const key = entry.trim().toLowerCase();
    if (key.length === 0) problems.push(`${owner} lists a blank ${what} (${JSON.stringify(entry)})`);
    else if (seen.has(key)) problems.push(`${owner} lists the ${what} '${entry.trim()}' twice`);
    seen.add(key);
  }
  return problems;
}

/** What is wrong with a spec's keyword, source and alias lists; one line per entry. */
export function specificationListProblems(spec: StepSpecificationInput): string[] {
  return [
    ...(spec.dependencies ?? []).flatMap((d) => [
      ...droppedEntries(d.semanticKeywords, 'semantic keyword', `dependency '${d.logicalName}'`),
      ...droppedEntries(d.compatibleSources, 'compatible source', `dependency '${d.logicalName}'`),
    ]),
    ...(spec.outputs ?? []).flatMap((o) => droppedEntries(o.aliases, 'alias', `output '${o.logicalName}'`)),
  ];
}

export const specificationLists = defineCheck({
  id: 'level2.specification_lists',
  level: 2,
  severity: 'minor',
  appliesTo: 'all',
  title: "The specification's keyword, compatible-source and alias lists hold no blank or repeated entry (in every scenario's spec)",
  async run(ctx) {
    // A builder may choose its spec from the config (one per job type): every scenario's spec is judged.
    const specs = new Set<StepSpecificationInput>([ctx.registration.spec]);
    for (const s of await ctx.createdScenarios()) specs.add(s.builder.spec.declared);
    const problems = [...new Set([...specs].flatMap((spec) => specificationListProblems(spec).map((p) => `${spec.stepType}: ${p}`)))];
    return outcomeFromProblems(
      problems,
      `the keyword, source and alias lists of ${specs.size} specification(s) hold no blank or repeated entry`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
