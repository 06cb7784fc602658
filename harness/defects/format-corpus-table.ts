import Table from 'cli-table3';
import type { CheckResult } from '../src/check/check-result.js';
import { DEFECT_CLASSES } from './defect.js';
import type { DefectOutcome } from './run-defect-corpus.js';

const COLUMN_WIDTHS = [44, 22, 40, 14, 18, 52];

/** The checks that failed on their own evidence by id; those failed through a root cause only counted, per cause. */
function describeOtherFailures(failures: readonly CheckResult[]): string {
  const direct = failures.filter((f) => !f.rootCause).map((f) => f.id);
  const byCause = new Map<string, number>();
  for (const f of failures) if (f.rootCause) byCause.set(f.rootCause.kind, (byCause.get(f.rootCause.kind) ?? 0) + 1);
  const caused = [...byCause].map(([kind, count]) => `+${count} through the ${kind} root cause`);
  return [...direct, ...caused].join(', ') || '—';
}

function caughtCell(o: DefectOutcome): string {
  if (o.caught) return o.defect.rootCause ? `yes (${o.defect.rootCause})` : 'yes';
  return o.defect.knownMiss ? 'NO (known miss)' : 'NO';
}

function scoreCell(o: DefectOutcome): string {
  return o.score.overall === null ? '—' : `${o.score.overall.toFixed(1)} ${o.score.rating ?? ''}`;
}

/** One row per defect: its class, the check that must catch it, whether it did, the score, and what else failed. */
export function formatCorpusTable(outcomes: readonly DefectOutcome[]): string {
  const table = new Table({
    head: ['defect', 'class', 'declared check (severity)', 'caught?', 'score', 'other checks failing'],
    colWidths: COLUMN_WIDTHS,
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const o of outcomes) {
    table.push([
      `${o.defect.id} (${o.defect.base})`,
      DEFECT_CLASSES[o.defect.defectClass],
      `${o.defect.caughtBy} (${o.defect.severity})`,
      caughtCell(o),
      scoreCell(o),
      describeOtherFailures(o.otherFailures),
    ]);
  }
  return table.toString();
}

/** The defects no check catches yet, with why: the list to report. */
export function formatKnownMisses(outcomes: readonly DefectOutcome[]): string {
  const missed = outcomes.filter((o) => !o.caught);
  if (missed.length === 0) return 'known misses: none';
  return [
    'known misses (realistic defects no check catches yet):',
    ...missed.map((o) => `  - ${o.defect.id} [${DEFECT_CLASSES[o.defect.defectClass]}]: ${o.defect.knownMiss ?? o.missedBecause ?? ''}`),
  ].join('\n');
}
