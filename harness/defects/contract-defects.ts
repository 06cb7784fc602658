// Defects in a builder's script contract: what the training script reads and writes inside the container.
import { DependencyType } from '@stepscore/step-model';
import { defineDefect, type SeededDefect } from './defect.js';
import { realBuilder, withSpecAndContract } from './registration-variants.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
const writable = <T>(value: T): Writable<T> => value as Writable<T>;

export const contractDefects: readonly SeededDefect[] = [
  defineDefect({
    id: 'contract.output-missing-from-spec',
    title: "A contract output the specification does not declare (the reference's checkpoints)",
    change: "expectedOutputPaths gained checkpoints: '/opt/ml/checkpoints'",
    artefact: 'contract',
    defectClass: 'specification',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_alignment',
    severity: 'blocker',
    // The seed's whole message (`Spec-Contract alignment errors: [...]`) is asserted on its own in defect-corpus.test.ts.
    messageFragment: "Contract outputs missing from specification outputs: {'checkpoints'}",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        writable(contract).expectedOutputPaths = { ...contract.expectedOutputPaths, checkpoints: '/opt/ml/checkpoints' };
      }),
  }),
  defineDefect({
    id: 'contract.spec-dependency-missing-from-contract',
    title: 'A specification dependency the contract has no container path for',
    change: 'expectedInputPaths lost hyperparameters_s3_uri',
    artefact: 'contract',
    defectClass: 'specification',
    base: 'XGBoostTraining',
    caughtBy: 'level2.contract_alignment',
    severity: 'blocker',
    messageFragment: "Specification dependencies missing from contract inputs: {'hyperparameters_s3_uri'}",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
        const { hyperparameters_s3_uri: _dropped, ...rest } = contract.expectedInputPaths;
        writable(contract).expectedInputPaths = rest;
      }),
  }),
  defineDefect({
    id: 'contract.input-outside-input-root',
    title: 'A training input read from a processing-job path',
    change: "expectedInputPaths.input_path '/opt/ml/input/data' became '/opt/ml/processing/input/data'",
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level2.contract_paths_legal',
    severity: 'blocker',
    messageFragment: "Input path for 'input_path' must start with /opt/ml/input/data or /opt/ml/input/config, got: /opt/ml/processing/input/data",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
        writable(contract).expectedInputPaths = { ...contract.expectedInputPaths, input_path: '/opt/ml/processing/input/data' };
      }),
  }),
  defineDefect({
    id: 'contract.hyperparameters-file-renamed',
    title: 'The script reads a hyperparameters file the builder never writes under that name',
    change: "expectedInputPaths.hyperparameters_s3_uri '/opt/ml/input/data/config/hyperparameters.json' became '.../config/params.json'",
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.inputs_mounted',
    severity: 'blocker',
    messageFragment: 'params.json',
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
        writable(contract).expectedInputPaths = { ...contract.expectedInputPaths, hyperparameters_s3_uri: '/opt/ml/input/data/config/params.json' };
      }),
  }),
  defineDefect({
    id: 'contract.checkpoints-output-not-synced',
    title: 'Checkpoints declared as an output (spec and contract agree) of a builder that never syncs them',
    change:
      "XGBoost's contract gained checkpoints: '/opt/ml/checkpoints' and its spec an output 'checkpoints' " +
      '(properties.CheckpointConfig.S3Uri); the builder was left as it was, with no CheckpointConfig',
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.outputs_collected',
    severity: 'blocker',
    messageFragment: "output 'checkpoints' is written to /opt/ml/checkpoints, but the request collects nothing from there",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (spec, contract) => {
        writable(contract).expectedOutputPaths = { ...contract.expectedOutputPaths, checkpoints: '/opt/ml/checkpoints' };
        spec.outputs = [
          ...spec.outputs,
          { logicalName: 'checkpoints', outputType: DependencyType.CUSTOM_PROPERTY, propertyPath: 'properties.CheckpointConfig.S3Uri', dataType: 'S3Uri' },
        ];
      }),
  }),
  defineDefect({
    id: 'contract.entry-point-renamed',
    title: "The contract's entry point is renamed, the config still runs the old script",
    change: "entryPoint 'xgboost_training.py' became 'train_xgb.py' (training_entry_point in the default config left as it was)",
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'XGBoostTraining',
    caughtBy: 'level3.entry_point',
    severity: 'blocker',
    messageFragment: "nothing in the request runs 'train_xgb.py'",
    make: () =>
      withSpecAndContract(realBuilder('XGBoostTraining'), (_spec, contract) => {
        writable(contract).entryPoint = 'train_xgb.py';
      }),
  }),
  defineDefect({
    id: 'contract.output-inside-model-dir',
    title: "An output written inside another output's directory",
    change: "expectedOutputPaths.data_output '/opt/ml/output/data' became '/opt/ml/model/predictions'",
    artefact: 'contract',
    defectClass: 'contract-request-disagree',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_paths_legal',
    severity: 'blocker',
    messageFragment: '/opt/ml/model/predictions',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        writable(contract).expectedOutputPaths = { ...contract.expectedOutputPaths, data_output: '/opt/ml/model/predictions' };
      }),
  }),
  defineDefect({
    id: 'contract.env-var-bad-name',
    title: 'An environment variable name no shell can export',
    change: 'optionalEnvVars SM_CHECKPOINT_DIR became SM-CHECKPOINT-DIR',
    artefact: 'contract',
    defectClass: 'specification',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_paths_legal',
    severity: 'blocker',
    messageFragment: "Environment variable name 'SM-CHECKPOINT-DIR'",
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        writable(contract).optionalEnvVars = { 'SM-CHECKPOINT-DIR': '/opt/ml/checkpoints' };
      }),
  }),
  defineDefect({
    id: 'contract.required-env-var-unset',
    title: 'A required environment variable the config has no value for',
    change: "requiredEnvVars [] became ['LABEL_FIELD']",
    artefact: 'contract',
    defectClass: 'setting-not-reaching-request',
    base: 'PyTorchTraining',
    caughtBy: 'level2.environment_variables',
    severity: 'major',
    messageFragment: 'LABEL_FIELD',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        writable(contract).requiredEnvVars = ['LABEL_FIELD'];
      }),
  }),
  defineDefect({
    id: 'contract.entry-point-not-python',
    title: 'A training entry point that is not a Python file',
    change: "entryPoint 'train.py' became 'train.sh'",
    artefact: 'contract',
    defectClass: 'specification',
    base: 'PyTorchTraining',
    caughtBy: 'level2.contract_paths_legal',
    severity: 'blocker',
    messageFragment: 'Entry point must be a Python file (.py), got: "train.sh"',
    make: () =>
      withSpecAndContract(realBuilder('PyTorchTraining'), (_spec, contract) => {
        writable(contract).entryPoint = 'train.sh';
      }),
  }),
];
