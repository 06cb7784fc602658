import { describe, expect, it } from 'vitest';
import type { SeededDefect } from '../../defects/defect.js';
import { formatKnownMisses } from '../../defects/format-corpus-table.js';
import { type DefectOutcome, detectionRateByClass, formatDetectionRates } from '../../defects/run-defect-corpus.js';

function outcome(id: string, defectClass: SeededDefect['defectClass'], caught: boolean, knownMiss?: string): DefectOutcome {
  const defect = { id, defectClass, ...(knownMiss ? { knownMiss } : {}) } as SeededDefect;
  return { defect, caught, ...(caught ? {} : { missedBecause: 'passed' }) } as DefectOutcome;
}

const outcomes = [
  outcome('config.a', 'schema-admits-refused', true),
  outcome('config.b', 'schema-admits-refused', false, 'no scenario tries it'),
  outcome('builder.c', 'value-encoded-wrongly', true),
];

describe('the corpus detection rates', () => {
  it('counts each class present, in the order of the classes, leaving absent classes out', () => {
    expect(detectionRateByClass(outcomes)).toEqual([
      { defectClass: 'schema-admits-refused', rate: { caught: 1, total: 2 } },
      { defectClass: 'value-encoded-wrongly', rate: { caught: 1, total: 1 } },
    ]);
  });

  it('prints one line per class and one for the whole corpus, in the detection-rate wording', () => {
    const lines = formatDetectionRates(outcomes).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^The schema admits what SageMaker refuses\s+detection rate: 1\/2 \(50\.0%\)$/);
    expect(lines[1]).toMatch(/^Values encoded wrongly\s+detection rate: 1\/1 \(100\.0%\)$/);
    expect(lines[2]).toMatch(/^All defects\s+detection rate: 2\/3 \(66\.7%\)$/);
  });

  it('lists the known misses with their reasons', () => {
    expect(formatKnownMisses(outcomes)).toBe('known misses (realistic defects no check catches yet):\n  - config.b [The schema admits what SageMaker refuses]: no scenario tries it');
    expect(formatKnownMisses(outcomes.filter((o) => o.caught))).toBe('known misses: none');
  });
});
