import { mockInputsFor } from '../../src/scenarios/mock-inputs.js';
import { acceptedOutputTypes } from '@stepscore/dependency-resolver';
import { resolvePropertyPath, STEP_TYPES, stepTypeVocabulary } from '@stepscore/sagemaker';
import { DEPENDENCY_TYPES, StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { pipelineDefinitionRefusals } from '../../src/backends/service-refusals.js';
import { processingOutputUri } from '../../src/catalogue/steps/processing-step.js';
import { hyperparameterPrep, dataPreparationTraining, upstreamCatalogue } from '../../src/catalogue/upstream-catalogue.js';
import { valueAtPropertyPath } from '../../src/simulator/property-values.js';

const context = { pipelineS3Loc: 's3://bucket/MODS/p_1.0.0/', role: 'arn:aws:iam::123456789012:role/SageMakerRole', region: 'us-east-1' };
const entries = [...upstreamCatalogue.producers, ...upstreamCatalogue.consumers];
// The harness's own mock inputs: a distinct location per dependency (a tarball for model artefacts, a name for String data).
const inputsFor = (spec: StepSpecification) => mockInputsFor(spec, true);

describe('upstream catalogue', () => {
  it('holds producers and consumers of all four step types', () => {
    expect(upstreamCatalogue.producers.map((p) => [p.stepName, p.stepType])).toEqual([
      ['DataPreparation-Training', 'Processing'],
      ['HyperparameterPrep', 'Processing'],
      ['ModelTraining', 'Training'],
      ['RegisteredModel', 'CreateModel'],
    ]);
    expect(upstreamCatalogue.consumers.map((c) => [c.stepName, c.stepType])).toEqual([
      ['ModelServing', 'CreateModel'],
      ['DataEvaluation', 'Processing'],
      ['DownstreamTraining', 'Training'],
      ['BatchInference', 'Transform'],
    ]);
  });

  it('has a consumer for an output of every dependency type', () => {
    const accepted = new Set(upstreamCatalogue.consumers.flatMap((c) => c.specification.dependencies.flatMap((d) => acceptedOutputTypes(d.dependencyType))));
    expect([...accepted].sort()).toEqual([...DEPENDENCY_TYPES].sort());
  });

  it('describes TabularPreprocessing as the training builders expect it', () => {
    const spec = StepSpecification.create(dataPreparationTraining.specification);
    expect(spec.stepType).toBe('ProcessingStep');
    expect(spec.getOutput('processed_data')).toMatchObject({
      outputType: 'processing_output',
      aliases: ['input_path', 'training_data', 'model_input_data'],
      propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
    });
    expect(StepSpecification.create(hyperparameterPrep.specification).getOutput('hyperparameters_s3_uri')?.outputType).toBe('hyperparameters');
  });

  it.each(entries.map((e) => [e.stepName, e] as const))(
    '%s: a valid spec whose property paths exist on the response shape of the step it renders',
    (_name, entry) => {
      expect(StepSpecification.validate(entry.specification).errors).toEqual([]);
      const step = entry.render({ ...context, inputs: inputsFor(StepSpecification.create(entry.specification)) });
      expect(stepTypeVocabulary(step.Type)?.stepType).toBe(entry.stepType);
      for (const output of entry.specification.outputs) {
        expect(resolvePropertyPath(output.propertyPath, STEP_TYPES[entry.stepType].responseShape)).toMatchObject({ ok: true, leafType: 'string' });
      }
    },
  );

  it.each(upstreamCatalogue.consumers.map((c) => [c.stepName, c] as const))('%s puts each dependency’s value where its inputArguments say', (_name, entry) => {
    const spec = StepSpecification.create(entry.specification);
    for (const dependency of spec.dependencies.values()) {
      const value = `s3://bucket/in/${dependency.logicalName}`;
      const step = entry.render({ ...context, inputs: { [dependency.logicalName]: value } });
      expect(valueAtPropertyPath(step.Arguments, entry.inputArguments[dependency.logicalName] ?? '(none)')).toEqual({ ok: true, value });
    }
  });

  it('renders steps the mock backend accepts in a pipeline', () => {
    const steps = entries.map((e) => e.render({ ...context, inputs: inputsFor(StepSpecification.create(e.specification)) }));
    expect(pipelineDefinitionRefusals(JSON.stringify({ Version: '2020-12-01', Steps: steps }))).toEqual([]);
  });

  it('renders a Processing step whose outputs are named by logical name with concrete S3 URIs', () => {
    const step = dataPreparationTraining.render({ ...context, inputs: {} });
    expect(step).toMatchObject({ Name: 'DataPreparation-Training', Type: 'Processing' });
    const outputs = (step.Arguments['ProcessingOutputConfig'] as { Outputs: { OutputName: string; S3Output: { S3Uri: unknown } }[] }).Outputs;
    expect(outputs).toEqual([
      expect.objectContaining({
        OutputName: 'processed_data',
        S3Output: expect.objectContaining({ S3Uri: 's3://bucket/MODS/p_1.0.0/data_preparation_training/processed_data' }),
      }),
    ]);
    expect(processingOutputUri(context, 'HyperparameterPrep', 'hyperparameters_s3_uri')).toBe(
      's3://bucket/MODS/p_1.0.0/hyperparameter_prep/hyperparameters_s3_uri',
    );
    expect(step.Arguments['RoleArn']).toBe(context.role);
  });

  it('refuses to render a consumer without the dependency it needs', () => {
    const serving = upstreamCatalogue.consumers.find((c) => c.stepName === 'ModelServing');
    expect(() => serving!.render({ ...context, inputs: {} })).toThrow(/model_data/);
  });

  it('names no registered builder among its steps or compatible sources', () => {
    const named = entries.flatMap((e) => [e.stepName, e.specification.stepType, ...e.specification.dependencies.flatMap((d) => d.compatibleSources ?? [])]);
    for (const builder of ['PyTorchTraining', 'XGBoostTraining', 'PyTorchModel', 'XGBoostModel']) expect(named).not.toContain(builder);
  });
});
