import { type BuilderRegistration, parseBuilderConfig } from '@stepscore/step-builder';
import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tabularPreprocessingConfigSchema } from '../../../builders/tabular-preprocessing/index.js';
import { takeParseFor } from '../../src/scenarios/accepted-parses.js';
import { deriveScenarios } from '../../src/scenarios/derive-scenarios.js';
import type { ScenarioPlan } from '../../src/scenarios/scenario.js';
import { realBuilder, withConfigSchema } from '../support/broken-builders.js';

function scenariosOf(registration: BuilderRegistration): readonly ScenarioPlan[] {
  return deriveScenarios(registration, StepSpecification.create(registration.spec), registration.defaultConfig as Record<string, unknown>).valid;
}

const changed = (plans: readonly ScenarioPlan[], name: string): Record<string, unknown> =>
  Object.fromEntries((plans.find((p) => p.name === name)?.changed ?? []).map((c) => [c.field, c.value]));

describe('derived scenarios', () => {
  it("keeps, for each plan whose config derivation accepted, the schema's output that parseBuilderConfig makes of it, once", () => {
    const registration = withConfigSchema(
      realBuilder('XGBoostTraining'),
      (realBuilder('XGBoostTraining').configSchema as unknown as z.ZodObject).safeExtend({}),
    );
    const plans = scenariosOf(registration);
    const kept = plans.filter((plan) => plan.rawConfig !== registration.defaultConfig).map((plan) => ({ plan, parsed: takeParseFor(plan.rawConfig) }));
    expect(kept.filter((k) => k.parsed).length).toBeGreaterThan(plans.length / 2);
    for (const { plan, parsed } of kept) {
      if (!parsed) continue;
      const { pipeline_name, pipeline_description, pipeline_s3_loc, aws_region, ...output } = parseBuilderConfig(registration, plan.rawConfig);
      expect(parsed.output, plan.name).toStrictEqual(output);
      expect(takeParseFor(plan.rawConfig)).toBeUndefined();
    }
    const outputs = kept.flatMap((k) => (k.parsed ? [k.parsed.output] : []));
    expect(new Set(outputs).size).toBe(outputs.length);
  });

  it("derives a builder's scenarios once while it is among the latest few derived, and lets older ones go", () => {
    const registration = realBuilder('PyTorchTraining');
    const first = scenariosOf(registration);
    expect(scenariosOf(registration)).toBe(first);
    // The same schema and spec with another default config (an object of its own) is another builder's.
    const others = Array.from({ length: 8 }, () => ({ ...registration, defaultConfig: { ...registration.defaultConfig } }));
    expect(scenariosOf(others[0] as BuilderRegistration)).not.toBe(first);
    expect(scenariosOf(registration)).toBe(first);
    for (const other of others) scenariosOf(other as BuilderRegistration);
    const again = scenariosOf(registration);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('a scenario keeps the changes a rule across fields does not name, and drops the one it names', () => {
    const base = tabularPreprocessingConfigSchema as unknown as z.ZodObject;
    const ruled = withConfigSchema(
      realBuilder('TabularPreprocessing'),
      base.superRefine((config, ctx) => {
        if ((config as { max_runtime_in_seconds: number }).max_runtime_in_seconds > 86_400)
          ctx.addIssue({ code: 'custom', path: ['max_runtime_in_seconds'], message: 'at most a day here' });
      }),
    );
    const largest = changed(scenariosOf(ruled), 'largest-numbers');
    expect(largest).not.toHaveProperty('max_runtime_in_seconds');
    expect(largest).toHaveProperty('processing_volume_size');
    // The same scenario without the rule sets the runtime as well.
    expect(changed(scenariosOf(realBuilder('TabularPreprocessing')), 'largest-numbers')).toHaveProperty('max_runtime_in_seconds');
  });

  it('smallest-numbers sets each number to the minimum its schema declares, 0 where the schema lets it be 0', () => {
    const zero = withConfigSchema(
      realBuilder('TabularPreprocessing'),
      tabularPreprocessingConfigSchema.safeExtend({ processing_instance_count: z.number().int().min(0).max(100).default(1) }),
    );
    expect(changed(scenariosOf(zero), 'smallest-numbers')).toMatchObject({
      processing_instance_count: 0,
      processing_volume_size: 1,
      max_runtime_in_seconds: 1,
    });
    // As registered, a count of 1 is the default already: the scenario leaves it.
    expect(changed(scenariosOf(realBuilder('TabularPreprocessing')), 'smallest-numbers')).not.toHaveProperty('processing_instance_count');
  });

  it('an enum value the schema refuses with the default settings is tried without the optional settings it refuses', () => {
    const plans = scenariosOf(realBuilder('XGBoostTraining'));
    const builtIn = plans.find((p) => p.changed.some((c) => c.field === 'algorithm_mode' && c.value === 'builtin'));
    expect(builtIn?.changed.filter((c) => c.purpose === 'left-out').map((c) => c.field)).toEqual(['training_entry_point', 'source_dir']);
    expect(builtIn?.rawConfig).not.toHaveProperty('source_dir');
    expect(builtIn?.rawConfig).not.toHaveProperty('training_entry_point');
    expect(builtIn?.rawConfig).toHaveProperty('hyperparameters');
    expect(builtIn?.description).toContain('without training_entry_point, source_dir');
  });

  it('defaults-spelled-out writes every defaulted field the config leaves out at its default', () => {
    const plans = scenariosOf(realBuilder('XGBoostTraining'));
    const spelled = plans.find((p) => p.name === 'defaults-spelled-out');
    expect(spelled?.rawConfig).toMatchObject({ algorithm_mode: 'framework', ...realBuilder('XGBoostTraining').defaultConfig });
  });

  it('overrides give numbers that start alike distinct probes, apart from every number the config holds', () => {
    const overrides = changed(scenariosOf(realBuilder('XGBoostModelEval')), 'overrides');
    const numbers = ['processing_instance_count', 'processing_volume_size', 'max_runtime_in_seconds'].map((f) => overrides[f]);
    expect(numbers.every((n) => typeof n === 'number')).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).not.toContain(1);
    expect(numbers).not.toContain(30);
  });

  it('overrides probe MIME types and durations, one MIME probe per field', () => {
    const overrides = changed(scenariosOf(realBuilder('BatchTransform')), 'overrides');
    expect(overrides).toMatchObject({
      content_type: 'application/x-stepscore-content-type',
      accept: 'application/x-stepscore-accept',
      cache_expire_after: 'P29D',
    });
  });

  it('overrides probe a script name only where no script contract fixes the entry point', () => {
    expect(changed(scenariosOf(realBuilder('PyTorchModel')), 'overrides')).toMatchObject({ inference_entry_point: 'stepscore_probe_inference_entry_point.py' });
    expect(changed(scenariosOf(realBuilder('TabularPreprocessing')), 'overrides')).not.toHaveProperty('processing_entry_point');
    expect(changed(scenariosOf(realBuilder('PyTorchTraining')), 'overrides')).not.toHaveProperty('training_entry_point');
  });
});
