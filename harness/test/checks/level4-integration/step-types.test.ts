import { describe, expect, it } from 'vitest';
import { level4Checks } from '../../../src/checks/level4-integration/index.js';
import { runChecks } from '../../support/broken-builders.js';
import { expectNoNetwork } from '../../support/no-network.js';
import { modelBuilder, processingBuilder, transformBuilder } from './step-type-builders.js';

const IDS = level4Checks.map((c) => c.id);

describe('Level 4 on builders of every step type', () => {
  expectNoNetwork();

  it.each([
    [
      'Processing',
      processingBuilder,
      'DataPreparation-Training → FeatureEngineering → DataEvaluation → DataEvaluation-2 (features → DataEvaluation.eval_data, feature_report → DataEvaluation-2.eval_data)',
    ],
    ['CreateModel', modelBuilder, 'ModelTraining → ServingModel → BatchInference (model_name → BatchInference.model_name)'],
    ['Transform', transformBuilder, 'DataPreparation-Training → RegisteredModel → BatchScoring → DataEvaluation (transform_output → DataEvaluation.eval_data)'],
  ] as const)('passes every check on a correct %s builder', async (_type, registration, assembled) => {
    const results = await runChecks(registration, IDS);
    for (const id of IDS) expect(results[id]?.status, `${id}: ${results[id]?.message}`).toBe('pass');
    expect(results['level4.pipeline_assembly']?.message).toBe(`assembled as ${assembled}`);
    expect(results['level4.dry_run_execution']?.message).toMatch(/every reference resolved and \d output\(s\) reached their consumers$/);
  });

  it('declares every Level 4 check a blocker that applies to all step types', () => {
    for (const check of level4Checks) {
      expect(check.severity).toBe('blocker');
      expect(check.appliesTo).toBe('all');
    }
  });
});
