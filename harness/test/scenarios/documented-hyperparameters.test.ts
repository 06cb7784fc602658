import { XGBOOST_ALGORITHM } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentedValueProbes, documentedValueScenarios } from '../../src/scenarios/documented-hyperparameters.js';

const raw = { name: 'job', hyperparameters: { num_round: 10, label: 'y' } };

describe('documented hyperparameter probes', () => {
  it('sets the hyperparameters the schema spells out to documented values, each enum value in turn', () => {
    const schema = z.object({ name: z.string(), hyperparameters: z.looseObject({ num_round: z.number(), booster: z.string().optional() }) });
    const scenarios = documentedValueScenarios(schema, raw, XGBOOST_ALGORITHM);
    expect(scenarios.map((s) => s[0]?.value)).toEqual([
      { num_round: 3, label: 'y', booster: 'gbtree' },
      { num_round: 10, label: 'y', booster: 'gblinear' },
      { num_round: 10, label: 'y', booster: 'dart' },
    ]);
  });

  it('gives no scenario to a schema that spells out no documented hyperparameter, nor to a config without hyperparameters', () => {
    const free = z.object({ name: z.string(), hyperparameters: z.record(z.string(), z.unknown()) });
    expect(documentedValueScenarios(free, raw, XGBOOST_ALGORITHM)).toEqual([]);
    expect(documentedValueScenarios(free, { name: 'job' }, XGBOOST_ALGORITHM)).toEqual([]);
    expect(documentedValueProbes({ name: 'job' }, XGBOOST_ALGORITHM)).toEqual([]);
  });

  it('probes every documented hyperparameter outside its range, naming the nested field and the source', () => {
    const probes = documentedValueProbes(raw, XGBOOST_ALGORITHM);
    const eta = probes.filter((p) => p.field === 'hyperparameters.eta');
    expect(eta.map((p) => (p.rawConfig['hyperparameters'] as Record<string, unknown>)['eta'])).toEqual([-1, 1.5]);
    expect(eta[0]?.description).toContain(XGBOOST_ALGORITHM.source);
    expect(eta[0]?.rawConfig['hyperparameters']).toMatchObject({ num_round: 10, label: 'y' });
  });
});
