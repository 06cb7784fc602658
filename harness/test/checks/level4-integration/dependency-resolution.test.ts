import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withSpecAndContract } from '../../support/broken-builders.js';
import { hyperparameterPrep, dataPreparationTraining, upstreamCatalogue } from '../../../src/catalogue/upstream-catalogue.js';
import { contextWithCatalogue, needingInferencePayload, runInContext } from './level4-fixtures.js';
import { processingArguments, processingBuilder, processingSpec, stepTypeBuilder } from './step-type-builders.js';

const ID = 'level4.dependency_resolution';

describe(ID, () => {
  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('passes on %s, naming what each dependency resolved to', async (name) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.importance).toBe(1.4);
    expect(result?.message).toContain('input_path → DataPreparation-Training.processed_data (0.814)');
  });

  it('resolves XGBoost’s optional hyperparameters input to HyperparameterPrep', async () => {
    const result = (await runChecks(realBuilder('XGBoostTraining'), [ID]))[ID];
    expect(result?.message).toContain('hyperparameters_s3_uri (optional) → HyperparameterPrep.hyperparameters_s3_uri (1.000)');
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)(
    'fails on %s with a required payload_samples input, naming it and the best candidate with its score',
    async (name) => {
      const result = (await runChecks(needingInferencePayload(realBuilder(name)), [ID]))[ID];
      expect(result?.status).toBe('fail');
      expect(result?.message).toMatch(
        /^Required dependency 'inference_payload' \(payload_samples\) resolves to no producer in the catalogue \[DataPreparation-Training, HyperparameterPrep, ModelTraining, RegisteredModel\]: best candidates: DataPreparation-Training\.processed_data \(score 0\.\d{3}\); a match needs a score above 0\.5$/,
      );
      expect(result?.evidence).toMatchObject({
        dependencies: expect.arrayContaining([
          expect.objectContaining({
            dependency: 'inference_payload',
            resolvedTo: null,
            candidates: [expect.objectContaining({ providerStep: 'DataPreparation-Training' })],
          }),
        ]),
      });
    },
  );

  it('says so when no producer offers a compatible type at all', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.dependencies = spec.dependencies.map((d) => ({ ...d, dependencyType: 'payload_samples' as const, dataType: 'Integer' }));
    });
    const catalogue = { producers: [hyperparameterPrep], consumers: upstreamCatalogue.consumers };
    const result = await runInContext(contextWithCatalogue(broken, catalogue), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain("Required dependency 'input_path' (payload_samples) resolves to no producer");
    expect(result.message).toContain('no producer offers an output of a type it accepts (payload_samples, processing_output)');
  });

  it('passes on a Processing builder whose dependency names its compatible source', async () => {
    const result = (await runChecks(processingBuilder, [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.message).toMatch(/^input_data → DataPreparation-Training\.processed_data \(0\.\d{3}\)$/);
  });

  it('fails when a dependency that names compatible sources resolves to another producer, though one of its sources is there', async () => {
    // The builder's input is named after another team's output, so that output outranks its compatible source.
    const renamed = stepTypeBuilder(
      'FeatureEngineering',
      'Processing',
      {
        ...processingSpec,
        dependencies: processingSpec.dependencies.map((d) => ({ ...d, logicalName: 'selected_features' })),
      },
      processingArguments(),
    );
    const featureSelection = {
      ...dataPreparationTraining,
      stepName: 'FeatureSelection',
      specification: {
        ...dataPreparationTraining.specification,
        stepType: 'FeatureSelection',
        outputs: [{ ...dataPreparationTraining.specification.outputs[0]!, logicalName: 'selected_features', aliases: [] }],
      },
    };
    const catalogue = { producers: [dataPreparationTraining, featureSelection], consumers: upstreamCatalogue.consumers };
    const result = await runInContext(contextWithCatalogue(renamed, catalogue), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^Dependency 'selected_features' names compatible sources \[ProcessingStep\] and the catalogue has a producer of one of them, but it resolves to FeatureSelection\.selected_features \(step type FeatureSelection, score 0\.\d{3}\)/,
    );
  });

  it('lets a dependency resolve elsewhere when none of its compatible sources is in the catalogue', async () => {
    const catalogue = {
      producers: [{ ...dataPreparationTraining, specification: { ...dataPreparationTraining.specification, stepType: 'DataPrep' } }],
      consumers: upstreamCatalogue.consumers,
    };
    const result = await runInContext(contextWithCatalogue(processingBuilder, catalogue), ID);
    expect(result.status).toBe('pass');
  });
});
