import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/nightly/compare-runs.js';
import { comparisonLines } from '../../src/nightly/render-comparison.js';
import type { BuilderSnapshot, RunSnapshot } from '../../src/nightly/run-snapshot.js';
import { snapshotOf } from '../../src/nightly/run-snapshot.js';
import { brokenBuilder, fabricatedReport, healthyBuilder } from '../report/fabricated-results.js';

const builder = (
  name: string,
  overall: number | null,
  checks: BuilderSnapshot['checks'],
  rating: BuilderSnapshot['rating'] = 'Excellent',
): BuilderSnapshot => ({
  builder: name,
  overall,
  rating,
  levels: { 1: overall, 2: overall, 3: overall, 4: overall },
  checks,
});
const run = (...builders: BuilderSnapshot[]): RunSnapshot => ({ backend: 'mock', levels: [1, 2, 3, 4], builders });

describe('compareRuns', () => {
  it('finds nothing between equal runs', () => {
    const snapshot = snapshotOf(fabricatedReport());
    const comparison = compareRuns(snapshot, snapshot, 'baseline');
    expect(comparison.regressed).toBe(false);
    expect(comparisonLines(comparison)).toEqual(['no changes']);
  });

  it('flags a score drop and a rating drop as regressions, naming builder and before → after', () => {
    const comparison = compareRuns(run(builder('A', 95, {})), run(builder('A', 85.5, {}, 'Good')), 'previous run');
    expect(comparison.scoreDrops).toEqual([{ builder: 'A', before: 95, after: 85.5 }]);
    expect(comparison.ratingDrops).toEqual([{ builder: 'A', before: 'Excellent', after: 'Good' }]);
    expect(comparison.regressed).toBe(true);
    expect(comparisonLines(comparison)).toEqual(['REGRESSION score: A 95.0 → 85.5', 'REGRESSION rating: A Excellent → Good']);
  });

  it('flags a score drop that keeps the rating', () => {
    const comparison = compareRuns(run(builder('A', 99, {})), run(builder('A', 98.9, {})), 'baseline');
    expect(comparison.scoreDrops).toHaveLength(1);
    expect(comparison.ratingDrops).toHaveLength(0);
    expect(comparison.regressed).toBe(true);
  });

  it('flags every check that went from pass to fail or error, with the message when known', () => {
    const comparison = compareRuns(
      run(builder('A', 100, { 'level1.inheritance': 'pass', 'level2.contract_alignment': 'pass', 'level3.step_instantiation': 'fail' })),
      run(builder('A', 100, { 'level1.inheritance': 'fail', 'level2.contract_alignment': 'error', 'level3.step_instantiation': 'pass' })),
      'previous run',
      (b, c) => (c === 'level1.inheritance' ? `${b} does not extend StepBuilderBase` : undefined),
    );
    expect(comparison.passToFail).toEqual([
      { builder: 'A', check: 'level1.inheritance', before: 'pass', after: 'fail', message: 'A does not extend StepBuilderBase' },
      { builder: 'A', check: 'level2.contract_alignment', before: 'pass', after: 'error' },
    ]);
    expect(comparison.nowPassing).toEqual([{ builder: 'A', check: 'level3.step_instantiation', before: 'fail', after: 'pass' }]);
    expect(comparison.regressed).toBe(true);
    expect(comparisonLines(comparison)).toContain('REGRESSION check: A level1.inheritance: pass → fail — A does not extend StepBuilderBase');
  });

  it('flags a check that went from not applicable to fail as a regression', () => {
    const comparison = compareRuns(
      run(builder('A', 100, { 'level3.checkpoint_config': 'not_applicable' })),
      run(builder('A', 100, { 'level3.checkpoint_config': 'fail' })),
      'baseline',
    );
    expect(comparison.passToFail).toEqual([{ builder: 'A', check: 'level3.checkpoint_config', before: 'not_applicable', after: 'fail' }]);
    expect(comparison.regressed).toBe(true);
  });

  it('flags a new blocker as a regression even when nothing else changed, and not a blocker that was one already', () => {
    const before = run({
      ...builder('A', 59, { 'level2.contract_alignment': 'fail', 'level3.step_instantiation': 'fail' }, 'Poor'),
      blockers: ['level2.contract_alignment'],
    });
    const after = run({
      ...builder('A', 59, { 'level2.contract_alignment': 'fail', 'level3.step_instantiation': 'fail' }, 'Poor'),
      blockers: ['level2.contract_alignment', 'level3.step_instantiation'],
    });
    const comparison = compareRuns(before, after, 'baseline');
    expect(comparison.newBlockers).toEqual([{ builder: 'A', check: 'level3.step_instantiation', before: 'fail' }]);
    expect(comparison.regressed).toBe(true);
    expect(comparisonLines(comparison)).toContain('REGRESSION new blocker: A level3.step_instantiation (was fail)');
    expect(compareRuns(after, after, 'baseline').regressed).toBe(false);
  });

  it('with an earlier snapshot that has no blockers, counts as new the blockers whose check did not fail then', () => {
    const before = run(builder('A', 100, { 'level1.inheritance': 'pass', 'level2.contract_alignment': 'fail' }));
    const after = run({
      ...builder('A', 100, { 'level1.inheritance': 'fail', 'level2.contract_alignment': 'fail' }),
      blockers: ['level1.inheritance', 'level2.contract_alignment'],
    });
    expect(compareRuns(before, after, 'baseline').newBlockers.map((b) => b.check)).toEqual(['level1.inheritance']);
  });

  it('lists new and removed checks and builders without calling them regressions', () => {
    const comparison = compareRuns(
      run(builder('A', 100, { 'level1.inheritance': 'pass', 'level1.old_check': 'pass' }), builder('Gone', 100, {})),
      run(builder('A', 100, { 'level1.inheritance': 'pass', 'level2.new_check': 'fail' }), builder('Fresh', 100, {})),
      'baseline',
    );
    expect(comparison.newChecks).toEqual([{ builder: 'A', check: 'level2.new_check', before: null, after: 'fail' }]);
    expect(comparison.removedChecks).toEqual([{ builder: 'A', check: 'level1.old_check', before: 'pass', after: null }]);
    expect(comparison.newBuilders).toEqual(['Fresh']);
    expect(comparison.removedBuilders).toEqual(['Gone']);
    expect(comparison.regressed).toBe(false);
    expect(comparisonLines(comparison)).toEqual([
      'new check: A level2.new_check (fail)',
      'removed check: A level1.old_check (was pass)',
      'new builder: Fresh',
      'builder not in this run: Gone',
    ]);
  });

  it('treats a builder in which nothing ran any more as a drop', () => {
    const comparison = compareRuns(run(builder('A', 70, {}, 'Satisfactory')), run(builder('A', null, {}, null)), 'baseline');
    expect(comparison.scoreDrops).toEqual([{ builder: 'A', before: 70, after: null }]);
    expect(comparison.ratingDrops).toEqual([{ builder: 'A', before: 'Satisfactory', after: null }]);
  });

  it('does not compare runs of other levels or backends', () => {
    const other = { ...run(builder('A', 10, {})), levels: [1] as const };
    const comparison = compareRuns(other as RunSnapshot, run(builder('A', 100, {})), 'previous run');
    expect(comparison.notComparable).toBe('it scored levels L1, this run L1, L2, L3, L4');
    expect(comparison.regressed).toBe(false);
    expect(compareRuns({ ...run(), backend: 'moto' }, run(), 'baseline').notComparable).toMatch(/moto backend, this run on mock/);
  });

  it('sees the broken builder of a real report regress against its healthy self', () => {
    const before = snapshotOf(fabricatedReport([healthyBuilder('X')]));
    const after = snapshotOf(fabricatedReport([brokenBuilder('X')]));
    const comparison = compareRuns(before, after, 'baseline');
    expect(comparison.scoreDrops).toEqual([{ builder: 'X', before: 100, after: 14.2857 }]);
    expect(comparison.passToFail.map((c) => c.check)).toEqual(['level2.contract_alignment', 'level3.step_instantiation', 'level4.dependency_resolution']);
    expect(comparison.newChecks.map((c) => c.check)).toEqual(['level2.job_arguments', 'level3.configuration_validity']);
    expect(comparison.removedChecks.map((c) => c.check)).toEqual(['level1.required_methods']);
  });
});
