import type { BuilderRegistration } from '@stepscore/step-builder';
import { DependencyType } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../src/context/check-context.js';
import { assemblePipeline, PipelineAssemblyError, pipelineNameFor } from '../../src/catalogue/assemble-pipeline.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { findStepsGets } from '../../src/simulator/pipeline-expressions.js';
import { upstreamCatalogue } from '../../src/catalogue/upstream-catalogue.js';
import { builderRegistry, realBuilder, withSpecAndContract } from '../support/broken-builders.js';
import { modelBuilder, processingBuilder, transformBuilder } from '../checks/level4-integration/step-type-builders.js';

function builderOf(registration: BuilderRegistration) {
  return new CheckContext({ registration, registry: builderRegistry, backendFactory: createMockBackend }).builder();
}

const PROCESSED_DATA = { Get: "Steps.DataPreparation-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" };

describe('assemblePipeline', () => {
  it('places PyTorchTraining after TabularPreprocessing and before a consumer of each of its outputs', async () => {
    const pipeline = await assemblePipeline(builderOf(realBuilder('PyTorchTraining')));
    const { definition } = pipeline;
    expect(definition).toMatchObject({ Version: '2020-12-01', Metadata: {}, Parameters: [] });
    expect(definition.PipelineExperimentConfig).toEqual({
      ExperimentName: { Get: 'Execution.PipelineName' },
      TrialName: { Get: 'Execution.PipelineExecutionId' },
    });
    expect(definition.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['DataPreparation-Training', 'Processing'],
      ['PyTorchTraining', 'Training'],
      ['ModelServing', 'Model'],
      ['DataEvaluation', 'Processing'],
    ]);
    const channels = pipeline.builderStep.Arguments['InputDataConfig'] as { ChannelName: string; DataSource: { S3DataSource: { S3Uri: unknown } } }[];
    expect(channels).toEqual([
      expect.objectContaining({ ChannelName: 'data', DataSource: { S3DataSource: expect.objectContaining({ S3Uri: PROCESSED_DATA }) } }),
    ]);
    expect(pipeline.builderStep.DependsOn).toEqual(['DataPreparation-Training']);
    expect(pipeline.consumers.map((c) => [c.output.logicalName, c.name, c.dependency.logicalName, c.inputArgument])).toEqual([
      ['model_output', 'ModelServing', 'model_data', 'PrimaryContainer.ModelDataUrl'],
      ['data_output', 'DataEvaluation', 'eval_data', "ProcessingInputs['eval_data'].S3Input.S3Uri"],
    ]);
    const [serving, evaluation] = pipeline.consumers;
    expect((serving!.definition.Arguments['PrimaryContainer'] as { ModelDataUrl: unknown }).ModelDataUrl).toEqual({
      Get: 'Steps.PyTorchTraining.ModelArtifacts.S3ModelArtifacts',
    });
    expect(findStepsGets(evaluation!.definition.Arguments).map((g) => g.get)).toEqual(['Steps.PyTorchTraining.OutputDataConfig.S3OutputPath']);
    expect(pipeline.unconsumedOutputs).toEqual([]);
  });

  it('adds HyperparameterPrep for XGBoostTraining, whose hyperparameters input resolves to it', async () => {
    const pipeline = await assemblePipeline(builderOf(realBuilder('XGBoostTraining')));
    expect(pipeline.definition.Steps.map((s) => s.Name)).toEqual([
      'DataPreparation-Training',
      'HyperparameterPrep',
      'XGBoostTraining',
      'ModelServing',
      'DataEvaluation',
    ]);
    const references = findStepsGets(pipeline.builderStep.Arguments).map((g) => g.get);
    expect(references).toEqual([
      ...['train', 'val', 'test'].map(() => PROCESSED_DATA.Get),
      "Steps.HyperparameterPrep.ProcessingOutputConfig.Outputs['hyperparameters_s3_uri'].S3Output.S3Uri",
    ]);
    const inputPath = pipeline.builderMatches.find((m) => m.dependency.logicalName === 'input_path');
    expect(inputPath?.resolved?.score).toBeCloseTo(0.8143, 4);
    expect(pipeline.consumers.map((c) => c.name)).toEqual(['ModelServing', 'DataEvaluation']);
  });

  it('produces a definition that survives JSON unchanged', async () => {
    const { definition } = await assemblePipeline(builderOf(realBuilder('XGBoostTraining')));
    expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
  });

  it('refuses a builder whose required dependency no producer offers, naming it and the best candidate', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec, contract) => {
      spec.dependencies = [
        ...spec.dependencies,
        { logicalName: 'inference_payload', dependencyType: DependencyType.PAYLOAD_SAMPLES, compatibleSources: ['PayloadGeneration'] },
      ];
      (contract.expectedInputPaths as Record<string, string>)['inference_payload'] = '/opt/ml/input/data/payload';
    });
    const attempt = assemblePipeline(builderOf(broken));
    await expect(attempt).rejects.toBeInstanceOf(PipelineAssemblyError);
    await expect(attempt).rejects.toThrow(
      /'inference_payload' \(payload_samples; best candidates: DataPreparation-Training\.processed_data \(score 0\.\d{3}\)\)/,
    );
  });

  it('chooses each output’s consumer by its type, whatever its logical name', async () => {
    // The model output renamed and without aliases still goes to the model consumer; the data output to the data one.
    const renamed = withSpecAndContract(realBuilder('XGBoostTraining'), (spec, contract) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'model_output' ? { ...o, logicalName: 'booster', aliases: [] } : o));
      const paths = contract.expectedOutputPaths as Record<string, string>;
      paths['booster'] = paths['model_output'] as string;
      delete paths['model_output'];
    });
    const pipeline = await assemblePipeline(builderOf(renamed));
    expect(pipeline.consumers.map((c) => [c.output.logicalName, c.name])).toEqual([
      ['booster', 'ModelServing'],
      ['evaluation_output', 'DataEvaluation'],
    ]);
  });

  it('places a consumer per output, with distinct names when two outputs go to the same kind of consumer', async () => {
    const pipeline = await assemblePipeline(builderOf(processingBuilder));
    expect(pipeline.definition.Steps.map((s) => s.Name)).toEqual(['DataPreparation-Training', 'FeatureEngineering', 'DataEvaluation', 'DataEvaluation-2']);
    expect(pipeline.consumers.map((c) => c.reference.Get)).toEqual([
      "Steps.FeatureEngineering.ProcessingOutputConfig.Outputs['features'].S3Output.S3Uri",
      "Steps.FeatureEngineering.ProcessingOutputConfig.Outputs['feature_report'].S3Output.S3Uri",
    ]);
  });

  it('places a Transform builder after the model and the data it resolves to, and a CreateModel builder after a training job', async () => {
    const transform = await assemblePipeline(builderOf(transformBuilder));
    expect(transform.definition.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['DataPreparation-Training', 'Processing'],
      ['RegisteredModel', 'Model'],
      ['BatchScoring', 'Transform'],
      ['DataEvaluation', 'Processing'],
    ]);
    expect(transform.builderStep.Arguments['ModelName']).toEqual({ Get: 'Steps.RegisteredModel.ModelName' });
    const model = await assemblePipeline(builderOf(modelBuilder));
    expect(model.definition.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['ModelTraining', 'Training'],
      ['ServingModel', 'Model'],
      ['BatchInference', 'Transform'],
    ]);
    expect(model.consumers[0]!.definition.Arguments['ModelName']).toEqual({ Get: 'Steps.ServingModel.ModelName' });
  });

  it('lists an output no consumer takes instead of failing the whole assembly', async () => {
    const catalogue = { ...upstreamCatalogue, consumers: upstreamCatalogue.consumers.filter((c) => c.stepType !== 'CreateModel') };
    const pipeline = await assemblePipeline(builderOf(realBuilder('PyTorchTraining')), catalogue);
    expect(pipeline.consumers.map((c) => c.name)).toEqual(['DataEvaluation']);
    expect(pipeline.unconsumedOutputs.map((u) => [u.output.logicalName, u.reason])).toEqual([
      ['model_output', 'no catalogue consumer has a dependency that accepts a model_artifacts output and scores above 0.5 against it'],
    ]);
  });

  it('reports createStep failures as assembly errors', async () => {
    const builder = builderOf(realBuilder('PyTorchTraining'));
    builder.createStep = async () => {
      throw new Error('boom');
    };
    await expect(assemblePipeline(builder)).rejects.toThrow('PyTorchTraining could not create its step from the catalogue producers: boom');
  });

  it('refuses a catalogue whose step names clash with the builder’s', async () => {
    const clashing = { ...upstreamCatalogue, producers: [{ ...upstreamCatalogue.producers[0]!, stepName: 'PyTorchTraining' }] };
    await expect(assemblePipeline(builderOf(realBuilder('PyTorchTraining')), clashing)).rejects.toThrow(/also the name of a catalogue step/);
  });

  it('names pipelines the way CreatePipeline accepts', () => {
    const name = pipelineNameFor(builderOf(realBuilder('PyTorchTraining')), 'dry-run');
    expect(name).toBe('stepscore-bsm-pytorch-NA-PyTorchTraining-dry-run');
    expect(name).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/);
  });
});
