import { type RootCauseGroup, rootCauseHeadline } from '../../report/root-cause-groups.js';

/** "#1 builder_construction: 1 root cause → 17 checks", the message, the fix, and the checks it explains. */
export function renderRootCauses(groups: readonly RootCauseGroup[]): string {
  return groups
    .map((g) =>
      [
        `#${g.group} ${g.kind}: ${rootCauseHeadline(g)}`,
        `   ${g.message}`,
        `   Fix: ${g.hint}`,
        `   Checks: ${g.checks.join(', ')}`,
      ].join('\n'),
    )
    .join('\n');
}
