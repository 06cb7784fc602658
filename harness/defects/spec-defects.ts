// Defects in a builder's step specification: what the pipeline sees of its dependencies and outputs.
import type { BuilderRegistration } from '@stepscore/step-builder';
import { DependencyType, type DependencySpecInput, type OutputSpecInput, type StepSpecificationInput } from '@stepscore/step-model';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withSpecAndContract } from './registration-variants.js';

/** The spec's outputs with the one named `logicalName` changed. */
function editOutput(spec: StepSpecificationInput, logicalName: string, edit: (output: OutputSpecInput) => OutputSpecInput): void {
  spec.outputs = spec.outputs.map((o) => (o.logicalName === logicalName ? edit(o) : o));
}

/** The spec's dependencies with the one named `logicalName` changed. */
function editDependency(spec: StepSpecificationInput, logicalName: string, edit: (dep: DependencySpecInput) => DependencySpecInput): void {
  spec.dependencies = spec.dependencies.map((d) => (d.logicalName === logicalName ? edit(d) : d));
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
  // --- Specification and contract -----------------------------------------------------------------------------
  defineDefect({
    id: 'spec.property-path-not-on-shape',
    title: "An output property path DescribeTrainingJob does not have (the reference's TrainingJobOutput)",
    change: "data_output's propertyPath became 'properties.TrainingJobOutput.S3Output'",
    artefact: 'spec',
    defectClass: 'specification',
    base: 'PyTorchTraining',
    caughtBy: 'level2.property_paths_exist',
    severity: 'blocker',
    messageFragment: "property path 'properties.TrainingJobOutput.S3Output', which does not exist on DescribeTrainingJobResponse",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'data_output', (o) => ({ ...o, propertyPath: 'properties.TrainingJobOutput.S3Output' }));
      }),
  }),
  defineDefect({
    id: 'spec.alias-collides',
    title: 'Two outputs answer to the same alias',
    change: "evaluation_output's aliases gained 'Model_Data', which model_output already answers to (as model_data)",
    artefact: 'spec',
    defectClass: 'specification',
    base: 'XGBoostTraining',
    caughtBy: 'level2.specification_valid',
    severity: 'blocker',
    messageFragment: "'model_data' is used by outputs ['model_output', 'evaluation_output']",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editOutput(spec, 'evaluation_output', (o) => ({ ...o, aliases: [...(o.aliases ?? []), 'Model_Data'] }));
      }),
  }),
  defineDefect({
    id: 'spec.output-missing-from-contract',
    title: 'A specification output the script never writes',
    change: 'outputs gained metrics_output (properties.OutputDataConfig.S3OutputPath), which the contract does not list',
    artefact: 'spec',
    defectClass: 'specification',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_alignment',
    severity: 'blocker',
    messageFragment: "Specification outputs missing from contract outputs: {'metrics_output'}",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        spec.outputs = [
          ...spec.outputs,
          {
            logicalName: 'metrics_output',
            outputType: DependencyType.CUSTOM_PROPERTY,
            propertyPath: 'properties.OutputDataConfig.S3OutputPath',
            dataType: 'S3Uri',
          },
        ];
      }),
  }),
  defineDefect({
    id: 'spec.step-type-misspelt',
    title: "The specification's step type is not the registered step name",
    change: "stepType 'PyTorchTraining' became 'PytorchTraining'",
    artefact: 'spec',
    defectClass: 'interface',
    base: 'PyTorchTraining',
    caughtBy: 'level1.naming_conventions',
    severity: 'minor',
    messageFragment: "The specification's stepType 'PytorchTraining' must equal the registry step name 'PyTorchTraining'",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        spec.stepType = 'PytorchTraining';
      }),
  }),
  // --- The pipeline wires the wrong data ----------------------------------------------------------------------
  defineDefect({
    id: 'spec.unsatisfiable-dependency',
    title: 'A required dependency no upstream step in the catalogue can satisfy',
    change: "dependencies gained a required inference_payload (PAYLOAD_SAMPLES), with its contract path '/opt/ml/input/data/payload' so the two still agree",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'PyTorchTraining',
    caughtBy: 'level4.dependency_resolution',
    severity: 'blocker',
    messageFragment: "'inference_payload'",
    make: () => needingInferencePayload(realBuilder('PyTorchTraining')),
  }),
  defineDefect({
    id: 'spec.model-output-points-at-output-data',
    title: "model_output's property path is real but leads to the output folder, not the model",
    change: "model_output's propertyPath 'properties.ModelArtifacts.S3ModelArtifacts' became 'properties.OutputDataConfig.S3OutputPath'",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostTraining',
    caughtBy: 'level4.dry_run_execution',
    severity: 'blocker',
    messageFragment: "Output 'model_output' (model_artifacts) resolves to",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editOutput(spec, 'model_output', (o) => ({ ...o, propertyPath: 'properties.OutputDataConfig.S3OutputPath' }));
      }),
  }),
  defineDefect({
    id: 'spec.two-outputs-one-property-path',
    title: 'Two outputs with different logical names read the same property (copy-pasted output)',
    change: "data_output's propertyPath 'properties.OutputDataConfig.S3OutputPath' became 'properties.ModelArtifacts.S3ModelArtifacts' (model_output's)",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'PyTorchTraining',
    caughtBy: 'level4.dry_run_execution',
    severity: 'blocker',
    messageFragment: 'data_output',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'data_output', (o) => ({ ...o, propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts' }));
      }),
  }),
  defineDefect({
    id: 'spec.model-output-wrong-type',
    title: 'The trained model is declared as a processing output, so a model consumer cannot find it',
    change: "model_output's outputType MODEL_ARTIFACTS became PROCESSING_OUTPUT",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'PyTorchTraining',
    caughtBy: 'level4.dry_run_execution',
    severity: 'blocker',
    messageFragment: 'but is declared processing_output',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (spec) => {
        editOutput(spec, 'model_output', (o) => ({ ...o, outputType: DependencyType.PROCESSING_OUTPUT }));
      }),
  }),
  defineDefect({
    id: 'spec.hyperparameters-dependency-takes-training-data',
    title:
      'The hyperparameters dependency copy-pasted from input_path, so the resolver hands the processed training data to the channel that must hold hyperparameters.json',
    change:
      "hyperparameters_s3_uri's dependencyType HYPERPARAMETERS became TRAINING_DATA and its compatibleSources gained 'TabularPreprocessing' (input_path's)",
    artefact: 'spec',
    defectClass: 'pipeline-wires-wrong-data',
    base: 'XGBoostTraining',
    caughtBy: 'level4.dependency_resolution',
    severity: 'blocker',
    messageFragment: 'hyperparameters_s3_uri',
    knownMiss:
      "the resolver matches hyperparameters_s3_uri to TabularPreprocessing's processed_data (score 0.519) and every check " +
      'accepts it: nothing compares what the producer writes (a folder of data) with what the contract reads there (one ' +
      'JSON file). level4.dependency_resolution would need a dependency whose contract path names a file not to take an ' +
      'output of another data type than the one it declared before the edit',
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec) => {
        editDependency(spec, 'hyperparameters_s3_uri', (d) => ({
          ...d,
          dependencyType: DependencyType.TRAINING_DATA,
          compatibleSources: [...(d.compatibleSources ?? []), 'TabularPreprocessing'],
        }));
      }),
  }),
];
