import { describe, expect, it } from 'vitest';
import { groupRootCauses, rootCauseHeadline } from '../../src/report/root-cause-groups.js';
import { REPORT_SCHEMA_VERSION, roundScore } from '../../src/report/run-report.js';
import { brokenBuilder, check, CONSTRUCTION_FAILURE, fabricatedReport, FIXED_TIMING, healthyBuilder } from './fabricated-results.js';

describe('buildRunReport', () => {
  const report = fabricatedReport([healthyBuilder('Zeta'), brokenBuilder('Alpha')]);

  it('sorts builders by name and checks by level, keeping declaration order within a level', () => {
    expect(report.run.builders).toEqual(['Alpha', 'Zeta']);
    expect(report.builders.map((b) => b.builder)).toEqual(['Alpha', 'Zeta']);
    expect(report.builders[0]?.checks.map((c) => c.id)).toEqual([
      'level1.inheritance',
      'level2.contract_alignment',
      'level2.job_arguments',
      'level3.step_instantiation',
      'level3.configuration_validity',
      'level3.checkpoint_config',
      'level4.dependency_resolution',
    ]);
  });

  it('scores each builder with the design formulas, rounded to 4 decimals', () => {
    const broken = report.builders[0];
    expect(broken?.score.levels[1].score).toBe(100);
    expect(broken?.score.levels[2].score).toBe(0);
    expect(broken?.score.levels[3].notApplicable).toBe(1);
    // Only L1 passed: 100 × 1.0 / (1.0 + 1.5 + 2.0 + 2.5)
    expect(broken?.score.overall).toBe(14.2857);
    expect(broken?.score.rating).toBe('Poor');
    expect(report.builders[1]?.score.overall).toBe(100);
    expect(roundScore(82.34285714)).toBe(82.3429);
    expect(roundScore(null)).toBeNull();
  });

  it('keeps the run facts and puts wall-clock facts only under timing', () => {
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.tool.name).toBe('stepscore');
    expect(report.run).toEqual({ backend: 'mock', levels: [1, 2, 3, 4], builders: ['Alpha', 'Zeta'], shard: null });
    expect(report.timing).toEqual(FIXED_TIMING);
    expect(report.builders[0]?.timing.checks['level1.inheritance']).toBe(1.5);
    expect(report.builders[0]?.timing.durationMs).toBe(10.5);
    expect(JSON.stringify(report.builders[0]?.checks)).not.toContain('durationMs');
  });

  it('links each check failed by a root cause to its group, and keeps evidence as JSON', () => {
    const broken = report.builders[0];
    const instantiation = broken?.checks.find((c) => c.id === 'level3.step_instantiation');
    expect(instantiation?.rootCause).toEqual({ ...CONSTRUCTION_FAILURE, group: 1 });
    expect(broken?.checks.find((c) => c.id === 'level2.contract_alignment')?.evidence).toEqual({ missing: ['checkpoints'] });
    expect(broken?.checks.find((c) => c.id === 'level1.inheritance')).not.toHaveProperty('evidence');
    expect(broken?.checks.find((c) => c.id === 'level1.inheritance')?.message).toBeNull();
  });

  it('turns evidence that is not plain JSON into JSON', () => {
    const odd = {
      ...healthyBuilder('Odd'),
      checks: [check('level1.inheritance', 'fail', { evidence: { seen: new Set(['a']), sizes: new Map([['x', 1]]), big: 10n, error: new TypeError('bad') } })],
    };
    const evidence = fabricatedReport([odd]).builders[0]?.checks[0]?.evidence;
    expect(evidence).toEqual({ seen: ['a'], sizes: { x: 1 }, big: '10', error: { name: 'TypeError', message: 'bad' } });
  });

  it('dedupes and sorts the levels run', () => {
    expect(fabricatedReport([healthyBuilder()], { levels: [3, 1, 3] }).run.levels).toEqual([1, 3]);
  });
});

describe('root-cause groups', () => {
  it('groups failures by root cause once, with a headline and a hint on what to fix', () => {
    const groups = groupRootCauses(brokenBuilder().checks);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ group: 1, kind: 'builder_construction', message: CONSTRUCTION_FAILURE.message });
    expect(groups[0]?.checks).toEqual(['level3.step_instantiation', 'level3.configuration_validity', 'level4.dependency_resolution']);
    expect(rootCauseHeadline(groups[0] as NonNullable<(typeof groups)[0]>)).toBe('1 root cause → 3 checks');
    expect(groups[0]?.hint).toMatch(/Make the builder construct from its config/);
  });

  it('makes one group per distinct cause, in report order, and says "1 check" for one', () => {
    const configCause = { kind: 'config' as const, message: 'Config is invalid: bucket is required' };
    const groups = groupRootCauses([
      check('level4.dependency_resolution', 'fail', { rootCause: CONSTRUCTION_FAILURE }),
      check('level1.valid_config_accepted', 'fail', { rootCause: configCause }),
      check('level3.step_instantiation', 'fail', { rootCause: CONSTRUCTION_FAILURE }),
    ]);
    expect(groups.map((g) => [g.group, g.kind, g.checks])).toEqual([
      [1, 'config', ['level1.valid_config_accepted']],
      [2, 'builder_construction', ['level3.step_instantiation', 'level4.dependency_resolution']],
    ]);
    expect(rootCauseHeadline(groups[0] as NonNullable<(typeof groups)[0]>)).toBe('1 root cause → 1 check');
    expect(groups[0]?.hint).toMatch(/names each invalid field/);
  });

  it('has no groups when nothing failed for a root cause', () => {
    expect(groupRootCauses(healthyBuilder().checks)).toEqual([]);
  });
});
