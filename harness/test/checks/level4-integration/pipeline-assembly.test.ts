import { describe, expect, it } from 'vitest';
import { realBuilder, runChecks, withSpecAndContract } from '../../support/broken-builders.js';
import { droppingResolvedInputs, needingInferencePayload } from './level4-fixtures.js';

const ID = 'level4.pipeline_assembly';

describe(ID, () => {
  it.each([
    ['PyTorchTraining', 'TabularPreprocessing-Training → PyTorchTraining → PyTorchModel'],
    ['XGBoostTraining', 'TabularPreprocessing-Training → HyperparameterPrep → XGBoostTraining → XGBoostModel'],
  ] as const)('passes on %s', async (name, order) => {
    const result = (await runChecks(realBuilder(name), [ID]))[ID];
    expect(result?.status).toBe('pass');
    expect(result?.importance).toBe(1.5);
    expect(result?.message).toBe(`assembled as ${order}`);
  });

  it.each(['PyTorchTraining', 'XGBoostTraining'] as const)('fails on %s when createStep drops the inputs resolved from its dependencies', async (name) => {
    const result = (await runChecks(droppingResolvedInputs(realBuilder(name)), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(`${name}'s required input 'input_path' resolves to TabularPreprocessing-Training.processed_data`);
    expect(result?.message).toContain(
      `does not use {"Get":"Steps.TabularPreprocessing-Training.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri"} anywhere in its Arguments`,
    );
    expect(result?.rootCause).toBeUndefined();
  });

  it('fails when a required dependency resolves to no producer', async () => {
    const result = (await runChecks(needingInferencePayload(realBuilder('PyTorchTraining')), [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("PyTorchTraining could not be assembled into a pipeline: PyTorchTraining's required dependencies resolve to no catalogue producer: 'inference_payload'");
  });

  it('fails when the consumer takes another output than model_output', async () => {
    // model_output loses its model_artifacts type; a second output carries the trained model instead.
    const broken = withSpecAndContract(realBuilder('XGBoostTraining'), (spec, contract) => {
      spec.outputs = [
        ...spec.outputs.map((o) => (o.logicalName === 'model_output' ? { ...o, outputType: 'processing_output' as const, aliases: [] } : o)),
        { logicalName: 'trained_model', outputType: 'model_artifacts', propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts', aliases: ['model_input'] },
      ];
      (contract.expectedOutputPaths as Record<string, string>)['trained_model'] = '/opt/ml/model';
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain("XGBoostModel's 'model_input' resolves to XGBoostTraining.trained_model, not to XGBoostTraining.model_output");
  });
});
