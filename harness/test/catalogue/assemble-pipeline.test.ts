import type { BuilderRegistration } from '@stepscore/step-builder';
import { DependencyType } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../src/context/check-context.js';
import { assemblePipeline, PipelineAssemblyError, pipelineNameFor } from '../../src/catalogue/assemble-pipeline.js';
import { createMockBackend } from '../../src/backends/mock-backend.js';
import { findStepsGets } from '../../src/simulator/pipeline-expressions.js';
import { upstreamCatalogue } from '../../src/catalogue/upstream-catalogue.js';
import { builderRegistry, realBuilder, withSpecAndContract } from '../support/broken-builders.js';

function builderOf(registration: BuilderRegistration) {
  return new CheckContext({ registration, registry: builderRegistry, backendFactory: createMockBackend }).builder();
}

const PROCESSED_DATA = { Get: "Steps.TabularPreprocessing-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" };

describe('assemblePipeline', () => {
  it('places PyTorchTraining between TabularPreprocessing and PyTorchModel', async () => {
    const pipeline = await assemblePipeline(builderOf(realBuilder('PyTorchTraining')));
    const { definition } = pipeline;
    expect(definition).toMatchObject({ Version: '2020-12-01', Metadata: {}, Parameters: [] });
    expect(definition.PipelineExperimentConfig).toEqual({ ExperimentName: { Get: 'Execution.PipelineName' }, TrialName: { Get: 'Execution.PipelineExecutionId' } });
    expect(definition.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['TabularPreprocessing-Training', 'Processing'],
      ['PyTorchTraining', 'Training'],
      ['PyTorchModel', 'Model'],
    ]);
    const channels = pipeline.builderStep.Arguments['InputDataConfig'] as { ChannelName: string; DataSource: { S3DataSource: { S3Uri: unknown } } }[];
    expect(channels).toEqual([expect.objectContaining({ ChannelName: 'data', DataSource: { S3DataSource: expect.objectContaining({ S3Uri: PROCESSED_DATA }) } })]);
    expect(pipeline.builderStep.DependsOn).toEqual(['TabularPreprocessing-Training']);
    expect(pipeline.consumerMatch.resolved).toMatchObject({ providerStep: 'PyTorchTraining', outputName: 'model_output' });
    expect((pipeline.consumer.definition.Arguments['PrimaryContainer'] as { ModelDataUrl: unknown }).ModelDataUrl).toEqual({
      Get: 'Steps.PyTorchTraining.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('adds HyperparameterPrep for XGBoostTraining, whose hyperparameters input resolves to it', async () => {
    const pipeline = await assemblePipeline(builderOf(realBuilder('XGBoostTraining')));
    expect(pipeline.definition.Steps.map((s) => s.Name)).toEqual(['TabularPreprocessing-Training', 'HyperparameterPrep', 'XGBoostTraining', 'XGBoostModel']);
    const references = findStepsGets(pipeline.builderStep.Arguments).map((g) => g.get);
    expect(references).toEqual([
      ...['train', 'val', 'test'].map(() => PROCESSED_DATA.Get),
      "Steps.HyperparameterPrep.ProcessingOutputConfig.Outputs['hyperparameters_s3_uri'].S3Output.S3Uri",
    ]);
    const inputPath = pipeline.builderMatches.find((m) => m.dependency.logicalName === 'input_path');
    expect(inputPath?.resolved?.score).toBeCloseTo(0.8143, 4);
    expect(pipeline.consumer.name).toBe('XGBoostModel');
  });

  it('produces a definition that survives JSON unchanged', async () => {
    const { definition } = await assemblePipeline(builderOf(realBuilder('XGBoostTraining')));
    expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
  });

  it('refuses a builder whose required dependency no producer offers, naming it and the best candidate', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec, contract) => {
      spec.dependencies = [...spec.dependencies, { logicalName: 'inference_payload', dependencyType: DependencyType.PAYLOAD_SAMPLES, compatibleSources: ['PayloadGeneration'] }];
      (contract.expectedInputPaths as Record<string, string>)['inference_payload'] = '/opt/ml/input/data/payload';
    });
    const attempt = assemblePipeline(builderOf(broken));
    await expect(attempt).rejects.toBeInstanceOf(PipelineAssemblyError);
    await expect(attempt).rejects.toThrow(/'inference_payload' \(payload_samples; best candidates: TabularPreprocessing-Training\.processed_data \(score 0\.\d{3}\)\)/);
  });

  it('refuses a builder without a model_artifacts output: no consumer can take its model', async () => {
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'model_output' ? { ...o, outputType: DependencyType.PROCESSING_OUTPUT, aliases: [] } : o));
    });
    await expect(assemblePipeline(builderOf(broken))).rejects.toThrow(/No catalogue consumer's model dependency resolves against XGBoostTraining's outputs/);
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
