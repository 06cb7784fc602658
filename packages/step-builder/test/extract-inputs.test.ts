import { DependencyResolutionError } from '@stepscore/dependency-resolver';
import { DependencyType, NodeType, StepSpecification } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { exampleConfig, ExampleTrainingStepBuilder } from './support/example-builder.js';

/** The reference's TabularPreprocessing (training) output, as in its worked resolver example. */
const preprocessingSpec = StepSpecification.create({
  stepType: 'TabularPreprocessing_Training',
  nodeType: NodeType.SOURCE,
  dependencies: [],
  outputs: [
    {
      logicalName: 'processed_data',
      outputType: DependencyType.PROCESSING_OUTPUT,
      propertyPath: "properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri",
      aliases: ['input_path', 'training_data', 'model_input_data'],
    },
  ],
});

const modelOnlySpec = StepSpecification.create({
  stepType: 'ModelRegistration',
  nodeType: NodeType.SOURCE,
  dependencies: [],
  outputs: [{ logicalName: 'registered_model', outputType: DependencyType.MODEL_ARTIFACTS, propertyPath: 'properties.ModelPackageArn' }],
});

describe('extractInputsFromDependencies', () => {
  const builder = new ExampleTrainingStepBuilder(exampleConfig());

  it("maps each dependency to a Get on the upstream step's matching output", () => {
    expect(builder.extractInputsFromDependencies([{ name: 'TabularPreprocessing-Training', spec: preprocessingSpec }])).toEqual({
      input_path: { Get: "Steps.TabularPreprocessing-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" },
    });
  });

  it('picks the compatible step among several', () => {
    const inputs = builder.extractInputsFromDependencies([
      { name: 'Register', spec: modelOnlySpec },
      { name: 'Preprocess', spec: preprocessingSpec },
    ]);
    expect(Object.keys(inputs)).toEqual(['input_path']);
    expect(inputs['input_path']?.Get).toMatch(/^Steps\.Preprocess\./);
  });

  it('names the required dependency nothing upstream can supply', () => {
    const extract = () => builder.extractInputsFromDependencies([{ name: 'Register', spec: modelOnlySpec }]);
    expect(extract).toThrow(DependencyResolutionError);
    expect(extract).toThrow("Step 'ExampleTraining' has unresolved required dependencies: ['input_path']");
  });

  it('feeds the resolved inputs to createStep', async () => {
    const step = await builder.createStep({ inputs: builder.extractInputsFromDependencies([{ name: 'Preprocess', spec: preprocessingSpec }]) });
    expect(step.Arguments['inputs']).toEqual({
      input_path: { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri" },
    });
  });
});
