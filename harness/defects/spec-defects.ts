// Defects in a builder's step specification: what the pipeline sees of its dependencies and outputs.
import { DependencyType, type OutputSpecInput, type StepSpecificationInput } from '@stepscore/step-model';
import type { BuilderRegistration } from '@stepscore/step-builder';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withSpecAndContract } from './registration-variants.js';

/** The spec's outputs with the one named `logicalName` changed. */
function editOutput(spec: StepSpecificationInput, logicalName: string, edit: (output: OutputSpecInput) => OutputSpecInput): void {
  spec.outputs = spec.outputs.map((o) => (o.logicalName === logicalName ? edit(o) : o));
}

/** A required `inference_payload` (payload_samples) input that no catalogue producer offers; spec and contract agree. */
export function needingInferencePayload(base: BuilderRegistration): BuilderRegistration {
  return withSpecAndContract(base, (spec, contract) => {
    spec.dependencies = [
      ...spec.dependencies,
      {
        logicalName: 'inference_payload',
        dependencyType: DependencyType.PAYLOAD_SAMPLES,
        required: true,
        compatibleSources: ['PayloadGeneration'],
        semanticKeywords: ['payload', 'inference', 'sample'],
        dataType: 'S3Uri',
      },
    ];
    (contract.expectedInputPaths as Record<string, string>)['inference_payload'] = '/opt/ml/input/data/payload';
  });
}

export const specDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'spec.property-path-not-on-shape',
    title: "An output property path DescribeTrainingJob does not have (the reference's TrainingJobOutput)",
    change: "data_output's propertyPath became 'properties.TrainingJobOutput.S3Output'",
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level2.property_paths_exist',
    messageFragment: "property path 'properties.TrainingJobOutput.S3Output', which does not exist on DescribeTrainingJobResponse",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'data_output', (o) => ({ ...o, propertyPath: 'properties.TrainingJobOutput.S3Output' }));
      }),
  }),
  defineDefect({
    id: 'spec.property-path-without-prefix',
    title: "A property path that does not start with 'properties.'",
    change: "model_output's propertyPath lost its 'properties.' prefix: 'ModelArtifacts.S3ModelArtifacts'",
    artefact: 'spec',
    base: 'XGBoostTraining',
    caughtBy: 'level2.specification_valid',
    messageFragment: `outputs[0] (model_output): property_path should start with 'properties.' (got "ModelArtifacts.S3ModelArtifacts")`,
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editOutput(spec, 'model_output', (o) => ({ ...o, propertyPath: 'ModelArtifacts.S3ModelArtifacts' }));
      }),
  }),
  defineDefect({
    id: 'spec.alias-collides',
    title: 'Two outputs answer to the same alias',
    change: "evaluation_output's aliases gained 'Model_Data', which model_output already answers to (as model_data)",
    artefact: 'spec',
    base: 'XGBoostTraining',
    caughtBy: 'level2.specification_valid',
    messageFragment: "'model_data' is used by outputs ['model_output', 'evaluation_output']",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editOutput(spec, 'evaluation_output', (o) => ({ ...o, aliases: [...(o.aliases ?? []), 'Model_Data'] }));
      }),
  }),
  defineDefect({
    id: 'spec.output-missing-from-contract',
    title: 'A specification output the script never writes',
    change: "outputs gained metrics_output (properties.OutputDataConfig.S3OutputPath), which the contract does not list",
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_alignment',
    messageFragment: "Specification outputs missing from contract outputs: {'metrics_output'}",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        spec.outputs = [
          ...spec.outputs,
          { logicalName: 'metrics_output', outputType: DependencyType.CUSTOM_PROPERTY, propertyPath: 'properties.OutputDataConfig.S3OutputPath', dataType: 'S3Uri' },
        ];
      }),
  }),
  defineDefect({
    id: 'spec.step-type-misspelt',
    title: "The specification's step type is not the registered step name",
    change: "stepType 'PyTorchTraining' became 'PytorchTraining'",
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level1.naming_conventions',
    messageFragment: "The specification's stepType 'PytorchTraining' must equal the registry step name 'PyTorchTraining'",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        spec.stepType = 'PytorchTraining';
      }),
  }),
  defineDefect({
    id: 'spec.unsatisfiable-dependency',
    title: 'A required dependency no upstream step in the catalogue can satisfy',
    change: "dependencies gained a required inference_payload (PAYLOAD_SAMPLES), with its contract path '/opt/ml/input/data/payload' so the two still agree",
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level4.dependency_resolution',
    messageFragment: "Required dependency 'inference_payload' (payload_samples) resolves to no producer in the catalogue",
    make: () => needingInferencePayload(realBuilder('PyTorchTraining')),
  }),
  defineDefect({
    id: 'spec.model-output-points-at-output-data',
    title: "model_output's property path is real but leads to the output folder, not the model",
    change: "model_output's propertyPath 'properties.ModelArtifacts.S3ModelArtifacts' became 'properties.OutputDataConfig.S3OutputPath'",
    artefact: 'spec',
    base: 'XGBoostTraining',
    caughtBy: 'level4.dry_run_execution',
    messageFragment: "reports this job's model_artifacts at ModelArtifacts.S3ModelArtifacts",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editOutput(spec, 'model_output', (o) => ({ ...o, propertyPath: 'properties.OutputDataConfig.S3OutputPath' }));
      }),
  }),
  defineDefect({
    id: 'spec.model-output-wrong-type',
    title: 'The trained model is declared as a processing output, so a model consumer cannot find it',
    change: 'model_output\'s outputType MODEL_ARTIFACTS became PROCESSING_OUTPUT',
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level4.dry_run_execution',
    messageFragment: "Output 'model_output' reads ModelArtifacts.S3ModelArtifacts, where DescribeTrainingJob reports the job's model_artifacts, but is declared processing_output",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'model_output', (o) => ({ ...o, outputType: DependencyType.PROCESSING_OUTPUT }));
      }),
  }),
  defineDefect({
    id: 'spec.alias-bad-character',
    title: 'An output alias with a character logical names may not have',
    change: "data_output's alias 'eval_data' became 'eval data'",
    artefact: 'spec',
    base: 'PyTorchTraining',
    caughtBy: 'level2.specification_valid',
    messageFragment: 'alias "eval data" should contain only alphanumeric characters, underscores, and hyphens',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'data_output', (o) => ({ ...o, aliases: (o.aliases ?? []).map((a) => (a === 'eval_data' ? 'eval data' : a)) }));
      }),
  }),
];
