import { describe, expect, it } from 'vitest';
import type { SeededDefect } from '../../defects/defect.js';
import { formatKnownMisses } from '../../defects/format-corpus-table.js';
import { applicableClasses } from '../../defects/applicable-classes.js';
import { type DefectOutcome, detectionRateByClass, formatDetectionRates, formatDetectionRatesByStepType } from '../../defects/run-defect-corpus.js';

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
    expect(formatKnownMisses(outcomes)).toBe(
      'known misses (realistic defects no check catches yet):\n  - config.b [The schema admits what SageMaker refuses]: no scenario tries it',
    );
    expect(formatKnownMisses(outcomes.filter((o) => o.caught))).toBe('known misses: none');
  });

  it('prints the rates per step type, each class present then the step type in all', () => {
    const stepTypes: Record<string, string> = { 'config.a': 'Processing', 'config.b': 'Processing', 'builder.c': 'Transform' };
    const lines = formatDetectionRatesByStepType(outcomes, (d) => stepTypes[d.id] ?? '?').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Processing\s+The schema admits what SageMaker refuses\s+detection rate: 1\/2 \(50\.0%\)$/);
    expect(lines[1]).toMatch(/^Processing\s+All of this step type\s+detection rate: 1\/2 \(50\.0%\)$/);
    expect(lines[2]).toMatch(/^Transform\s+Values encoded wrongly\s+detection rate: 1\/1 \(100\.0%\)$/);
    expect(lines[3]).toMatch(/^Transform\s+All of this step type\s+detection rate: 1\/1 \(100\.0%\)$/);
  });

  it('applies every class to the step types that run a script, and not contract disagreement to those that do not', () => {
    expect(applicableClasses('Training')).toHaveLength(9);
    expect(applicableClasses('Processing')).toHaveLength(9);
    expect(applicableClasses('Transform')).not.toContain('contract-request-disagree');
    expect(applicableClasses('CreateModel')).not.toContain('contract-request-disagree');
    expect(applicableClasses('CreateModel')).not.toContain('not-reproducible');
    expect(() => applicableClasses('RegisterModel')).toThrow("No table of applicable defect classes for the step type 'RegisterModel'");
  });
});
