import { describe, expect, it } from 'vitest';
import {
  DependencyType,
  NodeType,
  StepSpecification,
  type StepSpecificationInput,
  type TrainingScriptContract,
  validateContractAlignment,
} from '../src/index.js';

const contract = (overrides: Partial<TrainingScriptContract> = {}): TrainingScriptContract => ({
  entryPoint: 'train.py',
  expectedInputPaths: { input_path: '/opt/ml/input/data' },
  expectedOutputPaths: { model_output: '/opt/ml/model', data_output: '/opt/ml/output/data' },
  ...overrides,
});

/** The corrected PyTorch training spec of the seed: one dependency, two outputs, no checkpoints. */
const pytorchSpec = (scriptContract?: TrainingScriptContract): StepSpecification =>
  StepSpecification.create({
    stepType: 'PyTorchTraining',
    nodeType: NodeType.INTERNAL,
    dependencies: [{ logicalName: 'input_path', dependencyType: DependencyType.TRAINING_DATA }],
    outputs: [
      { logicalName: 'model_output', outputType: DependencyType.MODEL_ARTIFACTS, propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts' },
      { logicalName: 'data_output', outputType: DependencyType.PROCESSING_OUTPUT, propertyPath: 'properties.OutputDataConfig.S3OutputPath' },
    ],
    ...(scriptContract ? { scriptContract } : {}),
  } satisfies StepSpecificationInput);

describe('validateContractAlignment', () => {
  it('succeeds when spec and contract name the same inputs and outputs', () => {
    expect(pytorchSpec(contract()).validateContractAlignment()).toEqual({ isValid: true, errors: [], warnings: [] });
  });

  it('succeeds with no contract: there is nothing to compare', () => {
    expect(pytorchSpec().validateContractAlignment().isValid).toBe(true);
  });

  it("reports the seed's checkpoints output exactly as the reference did", () => {
    const withCheckpoints = contract({
      expectedOutputPaths: { model_output: '/opt/ml/model', data_output: '/opt/ml/output/data', checkpoints: '/opt/ml/checkpoints' },
    });
    expect(pytorchSpec(withCheckpoints).validateContractAlignment()).toEqual({
      isValid: false,
      errors: ["Contract outputs missing from specification outputs: {'checkpoints'}"],
      warnings: [],
    });
  });

  it('reports contract inputs missing from the dependencies as a sorted Python set', () => {
    const withExtraInputs = contract({
      expectedInputPaths: { input_path: '/opt/ml/input/data', b: '/opt/ml/input/data/b', a: '/opt/ml/input/config/a' },
    });
    expect(pytorchSpec(withExtraInputs).validateContractAlignment().errors).toEqual(["Contract inputs missing from specification dependencies: {'a', 'b'}"]);
  });

  it('reports spec dependencies the contract does not read', () => {
    const noInputs = contract({ expectedInputPaths: {} });
    expect(pytorchSpec(noInputs).validateContractAlignment().errors).toEqual(["Specification dependencies missing from contract inputs: {'input_path'}"]);
  });

  it('reports spec outputs the contract does not write', () => {
    const onlyModel = contract({ expectedOutputPaths: { model_output: '/opt/ml/model' } });
    expect(pytorchSpec(onlyModel).validateContractAlignment().errors).toEqual(["Specification outputs missing from contract outputs: {'data_output'}"]);
  });

  it('reports every direction at once, inputs before outputs', () => {
    const misaligned = contract({
      expectedInputPaths: { config: '/opt/ml/input/data/config' },
      expectedOutputPaths: { model_output: '/opt/ml/model', checkpoints: '/opt/ml/checkpoints' },
    });
    expect(validateContractAlignment(pytorchSpec(), misaligned).errors).toEqual([
      "Contract inputs missing from specification dependencies: {'config'}",
      "Contract outputs missing from specification outputs: {'checkpoints'}",
      "Specification dependencies missing from contract inputs: {'input_path'}",
      "Specification outputs missing from contract outputs: {'data_output'}",
    ]);
  });

  it('compares logical names exactly (case-sensitive)', () => {
    const renamed = contract({ expectedInputPaths: { Input_Path: '/opt/ml/input/data' } });
    expect(validateContractAlignment(pytorchSpec(), renamed).errors).toEqual([
      "Contract inputs missing from specification dependencies: {'Input_Path'}",
      "Specification dependencies missing from contract inputs: {'input_path'}",
    ]);
  });
});
