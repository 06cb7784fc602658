import { describe, expect, it } from 'vitest';
import { createMockBackend } from '../../../src/backends/mock-backend.js';
import { realBuilder, runChecks, withSpecAndContract } from '../../support/broken-builders.js';
import { expectNoNetwork } from '../../support/no-network.js';
import { contextWith, droppingResolvedInputs, runInContext, withOutputPath } from './level4-fixtures.js';
import { modelBuilder, processingArguments, processingBuilder, processingSpec, stepTypeBuilder, transformBuilder } from './step-type-builders.js';

const ID = 'level4.dry_run_execution';

describe(ID, () => {
  expectNoNetwork();

  it.each([
    ['PyTorchTraining', realBuilder('PyTorchTraining'), 'DataPreparation-Training → PyTorchTraining → ModelServing → DataEvaluation', 2],
    ['XGBoostTraining', realBuilder('XGBoostTraining'), 'DataPreparation-Training → HyperparameterPrep → XGBoostTraining → ModelServing → DataEvaluation', 2],
    ['a Processing builder', processingBuilder, 'DataPreparation-Training → FeatureEngineering → DataEvaluation → DataEvaluation-2', 2],
    ['a CreateModel builder', modelBuilder, 'ModelTraining → ServingModel → BatchInference', 1],
    ['a Transform builder', transformBuilder, 'DataPreparation-Training → RegisteredModel → BatchScoring → DataEvaluation', 1],
  ] as const)('passes on %s, running every step and delivering every output', async (_name, registration, order, outputs) => {
    const result = (await runChecks(registration, [ID]))[ID];
    expect(result?.status, result?.message).toBe('pass');
    expect(result?.message).toMatch(
      new RegExp(
        `^execution arn:aws:sagemaker:us-east-1:123456789012:pipeline/.+/execution/\\w+ ran ${order} on the mock backend; every reference resolved and ${outputs} output\\(s\\) reached their consumers$`,
      ),
    );
  });

  it('fails, naming both, when an output’s property path points at another output’s value', async () => {
    // data_output copied from model_output's declaration: both read the model artefacts.
    const broken = withOutputPath(realBuilder('PyTorchTraining'), 'data_output', 'properties.ModelArtifacts.S3ModelArtifacts');
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /Outputs 'model_output' \(ModelArtifacts\.S3ModelArtifacts\) and 'data_output' \(ModelArtifacts\.S3ModelArtifacts\) resolve to the same value "s3:\/\/[^"]+\/output\/model\.tar\.gz"; outputs with different logical names must point at different data/,
    );
  });

  it('fails when the model artefacts output leads to a real property that is not where SageMaker reports the model', async () => {
    const broken = withOutputPath(realBuilder('XGBoostTraining'), 'model_output', 'properties.OutputDataConfig.S3OutputPath');
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /Output 'model_output' \(model_artifacts\) resolves to "s3:\/\/[^"]+\/xgboost_training" \(OutputDataConfig\.S3OutputPath\), but DescribeTrainingJob reports this job's model_artifacts at ModelArtifacts\.S3ModelArtifacts: "s3:\/\/[^"]+\/output\/model\.tar\.gz"/,
    );
    // ...and it now carries evaluation_output's value too.
    expect(result?.message).toContain(
      "Outputs 'model_output' (OutputDataConfig.S3OutputPath) and 'evaluation_output' (OutputDataConfig.S3OutputPath) resolve to the same value",
    );
  });

  it('fails when the model artefacts are declared as another kind of data, so a data consumer would take the model', async () => {
    const broken = withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
      spec.outputs = spec.outputs.map((o) => (o.logicalName === 'model_output' ? { ...o, outputType: 'processing_output' as const } : o));
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "Output 'model_output' reads ModelArtifacts.S3ModelArtifacts, where DescribeTrainingJob reports the job's model_artifacts, but is declared processing_output; " +
        'a consumer of model_artifacts would not take it, and a consumer of processing_output would get model_artifacts',
    );
  });

  it('fails when a Processing builder names an output otherwise than its property path does', async () => {
    const broken = stepTypeBuilder(
      'FeatureEngineering',
      'Processing',
      processingSpec,
      processingArguments((name) => (name === 'features' ? 'features_output' : name)),
    );
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      "Step 'DataEvaluation' Arguments.ProcessingInputs[0].S3Input.S3Uri: {\"Get\":\"Steps.FeatureEngineering.ProcessingOutputConfig.Outputs['features'].S3Output.S3Uri\"} did not resolve: the response has no value at ProcessingOutputConfig.Outputs['features']",
    );
    expect(result?.message).toContain(
      "Output 'features' points at ProcessingOutputConfig.Outputs['features'].S3Output.S3Uri, which has no value in DescribeProcessingJob for job pipelines-mock0001-FeatureEngineering",
    );
  });

  it('fails when an S3Uri output resolves to something that is not an S3 URI', async () => {
    const broken = withOutputPath(realBuilder('PyTorchTraining'), 'data_output', 'properties.TrainingJobName');
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain(
      'Output \'data_output\' is declared S3Uri, but its property path TrainingJobName gives "pipelines-mock0001-PyTorchTraining" in DescribeTrainingJob, which is not an S3 URI',
    );
  });

  it('fails when the job the backend describes has no model artefacts', async () => {
    const factory = async (region: string) => {
      const backend = await createMockBackend(region);
      return {
        ...backend,
        describeJob: async (stepType: Parameters<typeof backend.describeJob>[0], name: string) => ({
          ...(await backend.describeJob(stepType, name)),
          ModelArtifacts: undefined,
        }),
      };
    };
    const result = await runInContext(contextWith(realBuilder('PyTorchTraining'), factory), ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('did not resolve: the response has no value at ModelArtifacts');
  });

  it('fails, saying why, when the backend refuses the pipeline', async () => {
    const broken = withOutputPath(realBuilder('PyTorchTraining'), 'model_output', 'properties.ModelArtifacts.S3Uri');
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^The dry run of pipeline '.*-dry-run' could not start on the mock backend: .*ModelArtifacts\.S3Uri is not a property of DescribeTrainingJobResponse/,
    );
  });

  it('still passes for a builder that ignores its resolved inputs (that is pipeline_assembly’s to catch)', async () => {
    expect((await runChecks(droppingResolvedInputs(realBuilder('PyTorchTraining')), [ID]))[ID]?.status).toBe('pass');
  });
});
