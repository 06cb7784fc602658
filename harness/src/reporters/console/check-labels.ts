import type { CheckStatus } from '../../check/check-definition.js';

export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = { pass: 'pass', fail: 'FAIL', error: 'ERROR', not_applicable: 'n/a' };

/** "#1 builder_construction": which root-cause group explains a failed check. */
export function rootCauseLabel(rootCause: { readonly group: number; readonly kind: string } | undefined): string {
  return rootCause ? `#${rootCause.group} ${rootCause.kind}` : '';
}
