import { PYTORCH_DISTRIBUTION } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pytorchTrainingConfigSchema, pytorchTrainingDefaultConfig } from '../../../builders/pytorch-training/index.js';
import { hasDistributionSetting, sdkDistributionPlans } from '../../src/scenarios/sdk-distribution.js';

const raw = pytorchTrainingDefaultConfig as unknown as Record<string, unknown>;

describe('scenarios and probes from the SDK distribution table', () => {
  it('builds the pair the SDK takes and the schema accepts, and each strategy by its switch alone unless already built', () => {
    const built = [undefined, { pytorchddp: { enabled: true } }, { torch_distributed: { enabled: true } }];
    const { scenarios } = sdkDistributionPlans(pytorchTrainingConfigSchema, raw, PYTORCH_DISTRIBUTION, built);
    expect(scenarios.map((s) => [s.name, s.change.value])).toEqual([
      ['sdk-distribution-torch_distributed-smdistributed', { torch_distributed: { enabled: true }, smdistributed: { dataparallel: { enabled: true } } }],
      ['sdk-distribution-mpi', { mpi: { enabled: true } }],
      // pytorchddp and smdistributed are refused together even switched off: smdistributed is left out.
      ['sdk-distribution-switched-off', { pytorchddp: { enabled: false }, torch_distributed: { enabled: false }, mpi: { enabled: false } }],
    ]);
    // parameter_server is the SDK's, but this schema does not offer it: no scenario, and no complaint here.
    expect(scenarios.map((s) => s.name)).not.toContain('sdk-distribution-parameter_server');
  });

  it('builds the pair the SDK documents together even where the schema refuses it, and only strategies the schema offers', () => {
    const enabled = z.strictObject({ enabled: z.boolean() });
    const distribution = z
      .strictObject({ torch_distributed: enabled.optional(), smdistributed: z.strictObject({ dataparallel: enabled }).optional() })
      .refine((value) => Object.keys(value).length <= 1);
    const schema = z.object({ hyperparameters: z.record(z.string(), z.unknown()), distribution: distribution.optional() });
    const { scenarios, probes } = sdkDistributionPlans(schema, { hyperparameters: {} }, PYTORCH_DISTRIBUTION, []);
    // Each strategy's switch alone is already given inside the pair: no scenario of its own.
    // Both switched off is two members too, which this schema refuses: not built.
    expect(scenarios.map((s) => s.name)).toEqual(['sdk-distribution-torch_distributed-smdistributed']);
    expect(scenarios[0]?.description).toContain('documented together');
    expect(probes).toEqual([]);
  });

  it('probes the pair the SDK refuses, both on and the second switched off, naming distribution', () => {
    const { probes } = sdkDistributionPlans(pytorchTrainingConfigSchema, raw, PYTORCH_DISTRIBUTION, []);
    expect(probes.map((p) => [p.field, p.rawConfig['distribution']])).toEqual([
      ['distribution', { pytorchddp: { enabled: true }, smdistributed: { dataparallel: { enabled: true } } }],
      ['distribution', { pytorchddp: { enabled: true }, smdistributed: { dataparallel: { enabled: false } } }],
    ]);
    expect(probes[0]?.description).toContain('SageMaker Python SDK v2.257.6');
  });

  it('knows a schema with the SDK distribution setting from one without', () => {
    expect(hasDistributionSetting(pytorchTrainingConfigSchema)).toBe(true);
    expect(hasDistributionSetting(z.object({ hyperparameters: z.record(z.string(), z.unknown()) }))).toBe(false);
  });
});
