import type { DependencyStep } from '@stepscore/step-builder';
import type { GetExpression } from '@stepscore/step-model';
import { describe, expect, it } from 'vitest';
import { XGBoostTrainingStepBuilder as RealXGBoostTrainingStepBuilder } from '../../../../builders/xgboost-training/index.js';
import { realBuilder, runChecks, withBuilderClass } from '../../support/broken-builders.js';
import { needingInferencePayload, withOutputPath } from './level4-fixtures.js';
import { stepTypeBuilder, transformArguments, transformSpec } from './step-type-builders.js';

const ID = 'level4.property_references_valid';

describe(ID, () => {
  it.each([
    ['PyTorchTraining', 3],
    ['XGBoostTraining', 6],
  ] as const)('passes on %s', async (name, count) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.message).toBe(`${count} step property references are valid`);
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('fails on %s when model_output points at ModelArtifacts.S3Uri', async (name) => {
    const result = (await runChecks(withOutputPath(realBuilder(name), 'model_output', 'properties.ModelArtifacts.S3Uri'), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      `Step 'ModelServing' Arguments.PrimaryContainer.ModelDataUrl refers to 'Steps.${name}.ModelArtifacts.S3Uri', but ModelArtifacts.S3Uri is not a property of ` +
        "DescribeTrainingJobResponse: 'S3Uri' is not a member of ModelArtifacts (nearest: S3ModelArtifacts)",
    );
  });

  it('reports a pipeline that cannot be assembled as its root cause', async () => {
    const result = (await runChecks(needingInferencePayload(realBuilder('XGBoostTraining')), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.rootCause?.kind).toBe('pipeline_assembly');
    expect(result?.rootCause?.message).toContain("'inference_payload'");
  });

  it("fails when the builder's Get keeps the spec path's 'properties.' prefix", async () => {
    class XGBoostTrainingStepBuilder extends RealXGBoostTrainingStepBuilder {
      override extractInputsFromDependencies(steps: readonly DependencyStep[]): Record<string, GetExpression> {
        const resolved = super.extractInputsFromDependencies(steps);
        return Object.fromEntries(Object.entries(resolved).map(([name, get]) => [name, { Get: get.Get.replace(/^(Steps\.[^.]+\.)/, '$1properties.') }]));
      }
    }
    const result = (await runChecks(withBuilderClass(realBuilder('XGBoostTraining'), XGBoostTrainingStepBuilder), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.rootCause).toBeUndefined();
    expect(result?.message).toContain(
      "refers to 'Steps.DataPreparation-Training.properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri', " +
        "but a Get names the property without 'properties.' ('Steps.DataPreparation-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri'): " +
        "DescribeProcessingJobResponse has no member 'properties'",
    );
  });

  it('fails on a Transform builder whose output points at a member DescribeTransformJob does not have', async () => {
    const spec = { ...transformSpec, outputs: transformSpec.outputs.map((o) => ({ ...o, propertyPath: 'properties.TransformOutput.S3Uri' })) };
    const result = (await runChecks(stepTypeBuilder('BatchScoring', 'Transform', spec, transformArguments()), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toBe(
      "Step 'DataEvaluation' Arguments.ProcessingInputs[0].S3Input.S3Uri refers to 'Steps.BatchScoring.TransformOutput.S3Uri', but TransformOutput.S3Uri is not a property of " +
        "DescribeTransformJobResponse: 'S3Uri' is not a member of TransformOutput (nearest: S3OutputPath, Accept, KmsKeyId)",
    );
  });
});
