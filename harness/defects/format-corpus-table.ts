import Table from 'cli-table3';
import type { CheckResult } from '../src/check/check-result.js';
import type { DefectOutcome } from './run-defect-corpus.js';

const COLUMN_WIDTHS = [50, 17, 53, 14, 64];

/** The checks that failed on their own evidence by id; those failed through a root cause only counted, per cause. */
function describeOtherFailures(failures: readonly CheckResult[]): string {
  const direct = failures.filter((f) => !f.rootCause).map((f) => f.id);
  const byCause = new Map<string, number>();
  for (const f of failures) if (f.rootCause) byCause.set(f.rootCause.kind, (byCause.get(f.rootCause.kind) ?? 0) + 1);
  const caused = [...byCause].map(([kind, count]) => `+${count} through the ${kind} root cause`);
  return [...direct, ...caused].join(', ') || '—';
}

/** One row per defect: what it is, the check that must catch it, whether it did, and what else failed. */
export function formatCorpusTable(outcomes: readonly DefectOutcome[]): string {
  const table = new Table({
    head: ['defect', 'base', 'declared check', 'caught?', 'other checks failing'],
    colWidths: COLUMN_WIDTHS,
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const o of outcomes) {
    const caught = o.caught ? (o.defect.rootCause ? `yes (${o.defect.rootCause})` : 'yes') : 'NO';
    table.push([o.defect.id, o.defect.base, o.defect.caughtBy, caught, describeOtherFailures(o.otherFailures)]);
  }
  return table.toString();
}
