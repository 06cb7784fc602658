// Each check's result says which Integration backend served it, when it used one (issue 11).
import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { findCheck, realBuilder } from '../support/broken-builders.js';
import { contextWith } from '../checks/level4-integration/level4-fixtures.js';
import { runCheck } from '../../src/runner/run-check.js';
import { expectNoNetwork } from '../support/no-network.js';

describe('a check result names the backend that served it', () => {
  expectNoNetwork();

  it('names the backend, and what it handed to the mock, on checks that used it, and on no other', async () => {
    const factory = async (region: string) => {
      const backend = await createMockBackend(region);
      return { ...backend, name: 'moto', servedByMock: () => ['moto lacks CreateTransformJob'] };
    };
    const ctx = contextWith(realBuilder('PyTorchTraining'), factory);
    try {
      const roundTrip = await runCheck(findCheck('level4.pipeline_round_trip'), ctx);
      const specification = await runCheck(findCheck('level2.specification_valid'), ctx);
      expect(roundTrip.status).toBe('pass');
      expect(roundTrip.servedBy).toBe('moto (served by mock: moto lacks CreateTransformJob)');
      expect(specification.status).toBe('pass');
      expect(specification).not.toHaveProperty('servedBy');
    } finally {
      await ctx.close();
    }
  });

  it('says nothing of a backend that could not be made', async () => {
    const ctx = contextWith(realBuilder('XGBoostTraining'), async () => {
      throw new Error('moto_server did not start');
    });
    try {
      const result = await runCheck(findCheck('level4.pipeline_round_trip'), ctx);
      expect(result.status).not.toBe('pass');
      expect(result).not.toHaveProperty('servedBy');
    } finally {
      await ctx.close();
    }
  });
});
