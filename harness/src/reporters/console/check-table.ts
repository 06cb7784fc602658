import type { CheckStatus } from '../../check/check-definition.js';
import type { BuilderReport } from '../../report/run-report.js';
import { createTable, wrapText } from './table.js';

export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = { pass: 'pass', fail: 'FAIL', error: 'ERROR', not_applicable: 'n/a' };

const MESSAGE_WIDTH = 60;

/** "#1 builder_construction": which root-cause group explains a failed check. */
export function rootCauseLabel(rootCause: { readonly group: number; readonly kind: string } | undefined): string {
  return rootCause ? `#${rootCause.group} ${rootCause.kind}` : '';
}

/** One row per check: check, level, status, importance, message, root cause. */
export function renderCheckTable(builder: BuilderReport, options: { color?: boolean } = {}): string {
  const table = createTable(['Check', 'Level', 'Status', 'Importance', 'Message', 'Root cause'], {
    ...options,
    colAligns: ['left', 'center', 'left', 'right', 'left', 'left'],
  });
  for (const check of builder.checks) {
    table.push([check.id, `L${check.level}`, STATUS_LABELS[check.status], check.importance.toFixed(1), wrapText(check.message ?? '', MESSAGE_WIDTH), rootCauseLabel(check.rootCause)]);
  }
  return table.toString();
}
