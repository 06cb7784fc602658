import { DependencyType } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks } from '../../support/broken-builders.js';
import { droppingResolvedInputs, needingInferencePayload, withStepEdit } from './level4-fixtures.js';
import { processingArguments, processingSpec, stepTypeBuilder, transformArguments, transformSpec } from './step-type-builders.js';

const ID = 'level4.pipeline_assembly';

describe(ID, () => {
  it.each([
    [
      'PyTorchTraining',
      'DataPreparation-Training → PyTorchTraining → ModelServing → DataEvaluation (model_output → ModelServing.model_data, data_output → DataEvaluation.eval_data)',
    ],
    [
      'XGBoostTraining',
      'DataPreparation-Training → HyperparameterPrep → XGBoostTraining → ModelServing → DataEvaluation (model_output → ModelServing.model_data, evaluation_output → DataEvaluation.eval_data)',
    ],
  ] as const)('passes on %s, with a consumer for each output', async (name, order) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.importance).toBe(1.5);
    expect(result?.message).toBe(`assembled as ${order}`);
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('fails on %s when createStep drops the inputs resolved from its dependencies', async (name) => {
    const result = (await runChecks(droppingResolvedInputs(realBuilder(name)), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`${name}'s required input 'input_path' resolves to DataPreparation-Training.processed_data`);
    expect(result?.message).toContain(
      `does not use {"Get":"Steps.DataPreparation-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri"} anywhere in its Arguments`,
    );
    expect(result?.rootCause).toBeUndefined();
  });

  it('fails on a Transform builder whose ModelName is a literal instead of the upstream model', async () => {
    const broken = stepTypeBuilder(
      'BatchScoring',
      'Transform',
      transformSpec,
      transformArguments(() => 'my-model'),
    );
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "BatchScoring's required input 'model_name' resolves to RegisteredModel.model_name, but the step created with that producer as a dependency does not use " +
        '{"Get":"Steps.RegisteredModel.ModelName"} anywhere in its Arguments; createStep must feed the resolved reference into the job\'s inputs',
    );
  });

  it('fails when the step reads a producer’s output that none of its dependencies resolved to', async () => {
    // A hard-wired reference to the preprocessing step's output, beside the input its dependency resolved to.
    const broken = withStepEdit(realBuilder('XGBoostTraining'), (step) => {
      (step.Arguments['InputDataConfig'] as unknown[]).push({
        ChannelName: 'extra',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: { Get: 'Steps.HyperparameterPrep.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri' },
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      });
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      'XGBoostTraining Arguments.InputDataConfig[4].DataSource.S3DataSource.S3Uri reads ProcessingOutputConfig.Outputs[0].S3Output.S3Uri of HyperparameterPrep, which none of its dependencies resolved to',
    );
  });

  it('fails when createStep returns a step of another Type than the registered step type', async () => {
    const broken = stepTypeBuilder('FeatureEngineering', 'Transform', processingSpec, processingArguments());
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("createStep returned a step of Type 'Processing', but a Transform builder's step must have Type 'Transform'");
  });

  it('fails when an output is of a kind no catalogue consumer takes', async () => {
    const spec = {
      ...processingSpec,
      outputs: [
        ...processingSpec.outputs,
        {
          logicalName: 'row_count',
          outputType: DependencyType.CUSTOM_PROPERTY,
          propertyPath: "properties.ProcessingOutputConfig.Outputs['row_count'].S3Output.S3Uri",
          dataType: 'Integer',
          aliases: [],
        },
      ],
    };
    const result = (await runChecks(stepTypeBuilder('FeatureEngineering', 'Processing', spec, processingArguments()), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "Output 'row_count' (custom_property, Integer) has no consumer in the catalogue: no catalogue consumer has a dependency that accepts a custom_property output and scores above 0.5 against it",
    );
  });

  it('fails when a required dependency resolves to no producer', async () => {
    const result = (await runChecks(needingInferencePayload(realBuilder('PyTorchTraining')), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "PyTorchTraining could not be assembled into a pipeline: PyTorchTraining's required dependencies resolve to no catalogue producer: 'inference_payload'",
    );
  });
});
