import type { CheckResult, RootCause } from '../check/check-result.js';

/** Checks that failed for one reason: what could not be made, once, with what to fix. */
export interface RootCauseGroup {
  /** 1-based, in order of the first check it explains. */
  readonly group: number;
  readonly kind: RootCause['kind'];
  readonly message: string;
  readonly hint: string;
  /** Ids of the checks it explains, in report order. */
  readonly checks: readonly string[];
}

const HINTS: Readonly<Record<RootCause['kind'], string>> = {
  specification:
    "Fix the builder's step specification: the message lists each broken rule (names, types, property paths, aliases). Every check listed reads the specification.",
  config:
    "Fix the builder's config (its default config, or the file given with --config): the message names each invalid field. Every check listed needs a valid config.",
  builder_construction:
    'Make the builder construct from its config: the message is the error its constructor threw (for example a spec/contract alignment error). Every check listed needs the builder.',
  step_creation: 'Make createStep succeed with the mocked inputs: the message is the error it threw. Every check listed inspects the created step.',
  pipeline_assembly:
    "Make the builder's step assemble into a pipeline between an upstream producer and a downstream consumer: the message says what failed. Every Integration check listed uses that pipeline.",
};

/** Groups the failed checks by their root cause (same kind and message); checks without one are left out. */
export function groupRootCauses(checks: readonly CheckResult[]): RootCauseGroup[] {
  const groups = new Map<string, { kind: RootCause['kind']; message: string; checks: string[] }>();
  for (const check of [...checks].sort((a, b) => a.level - b.level)) {
    if (!check.rootCause) continue;
    const key = `${check.rootCause.kind}\u0000${check.rootCause.message}`;
    const group = groups.get(key) ?? { kind: check.rootCause.kind, message: check.rootCause.message, checks: [] };
    group.checks.push(check.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g, i) => ({ group: i + 1, kind: g.kind, message: g.message, hint: HINTS[g.kind], checks: g.checks }));
}

/** "1 root cause → 17 checks" */
export function rootCauseHeadline(group: RootCauseGroup): string {
  return `1 root cause → ${group.checks.length} check${group.checks.length === 1 ? '' : 's'}`;
}
