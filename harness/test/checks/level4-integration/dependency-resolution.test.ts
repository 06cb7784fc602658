import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withSpecAndContract } from '../../support/broken-builders.js';
import { needingInferencePayload } from './level4-fixtures.js';

const ID = 'level4.dependency_resolution';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s, naming what each dependency resolved to', async (name) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.importance).toBe(1.4);
    expect(result?.message).toContain('input_path → TabularPreprocessing-Training.processed_data (0.814)');
  });

  it('resolves XGBoost’s optional hyperparameters input to HyperparameterPrep', async () => {
    const result = (await runChecks(realBuilder('XGBoostTraining'), [ID]))[ID];
    expect(result?.message).toContain('hyperparameters_s3_uri (optional) → HyperparameterPrep.hyperparameters_s3_uri (1.000)');
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('fails on %s with a required payload_samples input, naming it and the best candidate with its score', async (name) => {
    const result = (await runChecks(needingInferencePayload(realBuilder(name)), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^Required dependency 'inference_payload' \(payload_samples\) resolves to no producer in the catalogue \[TabularPreprocessing-Training, HyperparameterPrep\]: best candidates: TabularPreprocessing-Training\.processed_data \(score 0\.\d{3}\); a match needs a score above 0\.5$/,
    );
    expect(result?.evidence).toMatchObject({
      dependencies: expect.arrayContaining([expect.objectContaining({ dependency: 'inference_payload', resolvedTo: null, candidates: [expect.objectContaining({ providerStep: 'TabularPreprocessing-Training' })] })]),
    });
  });

  it('says so when no producer offers a compatible type at all', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => ({ ...d, dependencyType: 'custom_property' as const }));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("Required dependency 'input_path' (custom_property) resolves to no producer");
    expect(result?.message).toContain('no producer offers an output of a type it accepts (custom_property)');
  });
});
