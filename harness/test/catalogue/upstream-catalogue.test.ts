import { resolvePropertyPath } from '@stepscore/sagemaker';
import { StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { processingOutputUri } from '../../src/catalogue/steps/processing-step.js';
import { STEP_RESPONSE_SHAPES } from '../../src/simulator/step-response-shapes.js';
import { hyperparameterPrep, tabularPreprocessingTraining, upstreamCatalogue } from '../../src/catalogue/upstream-catalogue.js';

const context = { pipelineS3Loc: 's3://bucket/MODS/p_1.0.0/', role: 'arn:aws:iam::123456789012:role/SageMakerRole', region: 'us-east-1' };
const entries = [...upstreamCatalogue.producers, ...upstreamCatalogue.consumers];

describe('upstream catalogue', () => {
  it('holds TabularPreprocessing, HyperparameterPrep and model consumers for both training frameworks', () => {
    expect(upstreamCatalogue.producers.map((p) => p.stepName)).toEqual(['TabularPreprocessing-Training', 'HyperparameterPrep']);
    expect(upstreamCatalogue.consumers.map((c) => c.stepName)).toEqual(['PyTorchModel', 'XGBoostModel']);
  });

  it('describes TabularPreprocessing as the training builders expect it', () => {
    const spec = StepSpecification.create(tabularPreprocessingTraining.specification);
    expect(spec.stepType).toBe('TabularPreprocessing_Training');
    const output = spec.getOutput('processed_data');
    expect(output).toMatchObject({
      outputType: 'processing_output',
      aliases: ['input_path', 'training_data', 'model_input_data'],
      propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
    });
    expect(StepSpecification.create(hyperparameterPrep.specification).getOutput('hyperparameters_s3_uri')?.outputType).toBe('hyperparameters');
  });

  it.each(entries.map((e) => [e.stepName, e] as const))('%s: a valid spec whose property paths exist on its response shape', (_name, entry) => {
    expect(StepSpecification.validate(entry.specification).errors).toEqual([]);
    for (const output of entry.specification.outputs) {
      expect(resolvePropertyPath(output.propertyPath, entry.responseShape)).toMatchObject({ ok: true, leafType: 'string' });
    }
  });

  it('gives each entry the response shape of the step it renders', () => {
    for (const producer of upstreamCatalogue.producers) {
      const step = producer.render(context);
      expect(producer.responseShape).toBe(STEP_RESPONSE_SHAPES[step.Type]);
    }
    for (const consumer of upstreamCatalogue.consumers) {
      const step = consumer.render({ ...context, inputs: { model_input: { Get: 'Steps.T.ModelArtifacts.S3ModelArtifacts' } }, trainingImage: 'img' });
      expect(consumer.responseShape).toBe(STEP_RESPONSE_SHAPES[step.Type]);
      expect(consumer.responseShape).toBe('DescribeModelOutput');
    }
  });

  it('renders a Processing step whose outputs are named by logical name with concrete S3 URIs', () => {
    const step = tabularPreprocessingTraining.render(context);
    expect(step).toMatchObject({ Name: 'TabularPreprocessing-Training', Type: 'Processing' });
    const outputs = (step.Arguments['ProcessingOutputConfig'] as { Outputs: { OutputName: string; S3Output: { S3Uri: unknown } }[] }).Outputs;
    expect(outputs).toEqual([
      expect.objectContaining({
        OutputName: 'processed_data',
        S3Output: expect.objectContaining({ S3Uri: 's3://bucket/MODS/p_1.0.0/tabular_preprocessing_training/processed_data' }),
      }),
    ]);
    expect(processingOutputUri(context, 'HyperparameterPrep', 'hyperparameters_s3_uri')).toBe('s3://bucket/MODS/p_1.0.0/hyperparameter_prep/hyperparameters_s3_uri');
    expect(step.Arguments['RoleArn']).toBe(context.role);
  });

  it('renders the consumer as a Model step whose ModelDataUrl is the reference it was given', () => {
    const [pytorch] = upstreamCatalogue.consumers;
    const get = { Get: 'Steps.PyTorchTraining.ModelArtifacts.S3ModelArtifacts' };
    const step = pytorch!.render({ ...context, inputs: { model_input: get }, trainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310' });
    expect(step.Type).toBe('Model');
    expect(step.Arguments['PrimaryContainer']).toMatchObject({
      ModelDataUrl: get,
      Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310',
    });
    expect(step.Arguments['ExecutionRoleArn']).toBe(context.role);
    expect(() => pytorch!.render({ ...context, inputs: {}, trainingImage: 'img' })).toThrow(/model_input/);
  });

  it('lists the training step types among the consumers’ compatible sources', () => {
    const sources = upstreamCatalogue.consumers.flatMap((c) => StepSpecification.create(c.specification).getDependency('model_input')?.compatibleSources ?? []);
    expect(sources).toEqual(expect.arrayContaining(['PyTorchTraining', 'XGBoostTraining']));
  });
});
