import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCatalogue, OTHER_STEP_TYPE_BASES, syntheticRun } from '../../bench/synthetic-catalogue.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { runCatalogue } from '../../src/runner/run-catalogue.js';
import { scoreBuilder } from '../../src/scoring/score-builder.js';

describe('synthetic catalogue', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateSyntheticCatalogue(20, 1);
    const b = generateSyntheticCatalogue(20, 1);
    const c = generateSyntheticCatalogue(20, 2);
    const shape = (catalogue: typeof a) => catalogue.registrations.map((r) => ({ spec: r.spec, config: r.defaultConfig, className: r.builderClass.name }));
    expect(shape(a)).toEqual(shape(b));
    expect(shape(a)).not.toEqual(shape(c));
  });

  it('names each builder <StepName>StepBuilder, distinct, with varied specs and configs', () => {
    const { registrations, upstream } = generateSyntheticCatalogue(100);
    const names = registrations.map((r) => r.stepName);
    expect(new Set(names).size).toBe(100);
    for (const r of registrations) {
      expect(r.stepName).toMatch(/^[A-Z][A-Za-z]*\d+(Training|Processing|Transform|CreateModel)$/);
      expect(r.builderClass.name).toBe(`${r.stepName}StepBuilder`);
      expect(r.spec.stepType).toBe(r.stepName);
      expect(StepSpecification.validate(r.spec).errors).toEqual([]);
    }
    const distinct = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size;
    expect(distinct(registrations.map((r) => r.spec.dependencies.map((d) => [d.logicalName, d.dependencyType])))).toBeGreaterThan(10);
    expect(distinct(registrations.map((r) => r.spec.outputs.map((o) => [o.logicalName, o.aliases])))).toBeGreaterThan(10);
    expect(distinct(registrations.map((r) => r.defaultConfig['training_instance_type']))).toBeGreaterThan(5);
    expect(distinct(registrations.map((r) => r.defaultConfig['framework_version']))).toBeGreaterThan(3);
    expect(new Set(registrations.map((r) => r.stepType))).toEqual(new Set(['Training', 'Processing', 'Transform', 'CreateModel']));
    // Every base of another step type is copied, in turn.
    const copied = registrations.filter((r) => r.stepType !== 'Training').map((r) => /after (\w+)$/.exec(r.description)?.[1]);
    for (const base of OTHER_STEP_TYPE_BASES)
      expect(copied.filter((name) => name === base.stepName).length, base.stepName).toBe(40 / OTHER_STEP_TYPE_BASES.length);
    expect(new Set(registrations.filter((r) => r.stepType === 'Training').map((r) => r.framework))).toEqual(new Set(['pytorch', 'xgboost']));
    // Dependencies point at other synthetic steps, and every builder is offered as an upstream producer.
    const synthetic = new Set(names);
    expect(registrations.some((r) => r.spec.dependencies.some((d) => d.compatibleSources?.some((s) => synthetic.has(s) && s !== r.stepName)))).toBe(true);
    expect(upstream.producers.filter((p) => synthetic.has(p.stepName))).toHaveLength(registrations.filter((r) => r.stepType === 'Training').length);
  });

  it('scores every builder 100 with all four levels run against the synthetic catalogue (N = 15: a copy of each base)', async () => {
    const run = syntheticRun(15);
    const results = await runCatalogue(run.registrations, run.registry, {
      isolation: 'in-process',
      checks: ALL_CHECKS,
      backendName: 'mock',
      backendFactory: createMockBackend,
      catalogue: run.catalogue,
    });
    expect(results).toHaveLength(15);
    for (const result of results) {
      const problems = result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${result.builder} ${c.id}: ${c.message}`);
      expect(problems).toEqual([]);
      const score = scoreBuilder(result.checks);
      expect(score.overall).toBe(100);
      expect([1, 2, 3, 4].every((level) => score.levels[level as 1 | 2 | 3 | 4].ran > 0)).toBe(true);
    }
  });
});
