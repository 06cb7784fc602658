import { describe, expect, it } from 'vitest';
import {
  DependencyType,
  type DependencySpecInput,
  NodeType,
  type OutputSpecInput,
  SpecificationError,
  StepSpecification,
  type StepSpecificationInput,
} from '../src/index.js';

const inputPath: DependencySpecInput = {
  logicalName: 'input_path',
  dependencyType: DependencyType.TRAINING_DATA,
  required: true,
};
const hyperparameters: DependencySpecInput = {
  logicalName: 'hyperparameters_s3_uri',
  dependencyType: DependencyType.HYPERPARAMETERS,
  required: false,
};
const modelOutput: OutputSpecInput = {
  logicalName: 'model_output',
  outputType: DependencyType.MODEL_ARTIFACTS,
  propertyPath: 'properties.ModelArtifacts.S3ModelArtifacts',
  aliases: ['ModelArtifacts', 'model_data'],
};
const evaluationOutput: OutputSpecInput = {
  logicalName: 'evaluation_output',
  outputType: DependencyType.PROCESSING_OUTPUT,
  propertyPath: 'properties.OutputDataConfig.S3OutputPath',
  aliases: ['eval_data'],
};

const spec = (overrides: Partial<StepSpecificationInput> = {}): StepSpecificationInput => ({
  stepType: 'ExampleTraining',
  nodeType: NodeType.INTERNAL,
  dependencies: [inputPath, hyperparameters],
  outputs: [modelOutput, evaluationOutput],
  ...overrides,
});

describe('StepSpecification.validate', () => {
  it('accepts a valid internal spec', () => {
    expect(StepSpecification.validate(spec())).toEqual({ isValid: true, errors: [], warnings: [] });
  });

  it('requires a step type', () => {
    expect(StepSpecification.validate(spec({ stepType: '  ' })).errors).toEqual(['step_type must not be empty']);
  });

  it('names the allowed node types', () => {
    expect(StepSpecification.validate(spec({ nodeType: 'middle' as NodeType })).errors).toEqual([
      `node_type must be one of: ['source', 'internal', 'sink', 'singular'] (got "middle")`,
    ]);
  });

  it("prefixes a dependency's own errors with its index and name", () => {
    const result = StepSpecification.validate(spec({ dependencies: [{ ...inputPath, logicalName: 'input path' }] }));
    expect(result.errors).toEqual([
      'dependencies[0] (input path): logical_name should contain only alphanumeric characters, underscores, and hyphens (got "input path")',
    ]);
  });

  it("prefixes an output's own errors with its index and name", () => {
    const result = StepSpecification.validate(spec({ outputs: [modelOutput, { ...evaluationOutput, propertyPath: 'OutputDataConfig.S3OutputPath' }] }));
    expect(result.errors).toEqual([`outputs[1] (evaluation_output): property_path should start with 'properties.' (got "OutputDataConfig.S3OutputPath")`]);
  });

  it('rejects duplicate dependency logical names', () => {
    expect(StepSpecification.validate(spec({ dependencies: [inputPath, { ...inputPath, required: false }] })).errors).toEqual([
      "Duplicate dependency logical names found: {'input_path'}",
    ]);
  });

  it('rejects duplicate output logical names', () => {
    expect(StepSpecification.validate(spec({ outputs: [modelOutput, { ...modelOutput, aliases: [] }] })).errors).toEqual([
      "Duplicate output logical names found: {'model_output'}",
    ]);
  });

  describe('node type rules', () => {
    it.each([
      [NodeType.INTERNAL, [], [modelOutput], ["INTERNAL node 'ExampleTraining' must have dependencies"]],
      [NodeType.INTERNAL, [inputPath], [], ["INTERNAL node 'ExampleTraining' must have outputs"]],
      [NodeType.INTERNAL, [], [], ["INTERNAL node 'ExampleTraining' must have dependencies", "INTERNAL node 'ExampleTraining' must have outputs"]],
      [NodeType.SOURCE, [inputPath], [modelOutput], ["SOURCE node 'ExampleTraining' cannot have dependencies"]],
      [NodeType.SOURCE, [], [], ["SOURCE node 'ExampleTraining' must have outputs"]],
      [NodeType.SINK, [], [], ["SINK node 'ExampleTraining' must have dependencies"]],
      [NodeType.SINK, [inputPath], [modelOutput], ["SINK node 'ExampleTraining' cannot have outputs"]],
      [NodeType.SINGULAR, [inputPath], [], ["SINGULAR node 'ExampleTraining' cannot have dependencies"]],
      [NodeType.SINGULAR, [], [modelOutput], ["SINGULAR node 'ExampleTraining' cannot have outputs"]],
    ] as const)('%s with %j dependencies and %j outputs', (nodeType, dependencies, outputs, expected) => {
      expect(StepSpecification.validate(spec({ nodeType, dependencies, outputs })).errors).toEqual(expected);
    });

    it.each([
      [NodeType.SOURCE, [], [modelOutput]],
      [NodeType.SINK, [inputPath], []],
      [NodeType.SINGULAR, [], []],
      [NodeType.INTERNAL, [inputPath], [modelOutput]],
    ] as const)('%s is valid with its own shape', (nodeType, dependencies, outputs) => {
      expect(StepSpecification.validate(spec({ nodeType, dependencies, outputs })).isValid).toBe(true);
    });
  });

  describe('output names and aliases are unique across the spec, case-insensitively', () => {
    it('rejects an alias used by two outputs with different case', () => {
      const result = StepSpecification.validate(
        spec({
          outputs: [
            { ...modelOutput, aliases: ['Shared_Data'] },
            { ...evaluationOutput, aliases: ['shared_data'] },
          ],
        }),
      );
      expect(result.errors).toEqual([
        "Output name/alias conflicts in step 'ExampleTraining': 'shared_data' is used by outputs ['model_output', 'evaluation_output']",
      ]);
    });

    it("rejects an alias equal to another output's logical name", () => {
      const result = StepSpecification.validate(spec({ outputs: [modelOutput, { ...evaluationOutput, aliases: ['MODEL_OUTPUT'] }] }));
      expect(result.errors).toEqual([
        "Output name/alias conflicts in step 'ExampleTraining': 'model_output' is used by outputs ['model_output', 'evaluation_output']",
      ]);
    });

    it('does not count an alias repeated within one output as a conflict', () => {
      const result = StepSpecification.validate(spec({ outputs: [{ ...modelOutput, aliases: ['model_data', 'Model_Data'] }, evaluationOutput] }));
      expect(result.errors).toEqual([]);
    });
  });
});

describe('StepSpecification.create', () => {
  it('throws a SpecificationError listing every broken rule', () => {
    const make = () => StepSpecification.create(spec({ stepType: 'Broken', dependencies: [], outputs: [{ ...modelOutput, propertyPath: 'x' }] }));
    expect(make).toThrow(SpecificationError);
    expect(make).toThrow(
      `Invalid step specification 'Broken': outputs[0] (model_output): property_path should start with 'properties.' (got "x"); INTERNAL node 'Broken' must have dependencies`,
    );
  });

  it('keys dependencies and outputs by logical name and normalises them', () => {
    const created = StepSpecification.create(spec({ stepType: ' ExampleTraining ' }));
    expect(created.stepType).toBe('ExampleTraining');
    expect([...created.dependencies.keys()]).toEqual(['input_path', 'hyperparameters_s3_uri']);
    expect([...created.outputs.keys()]).toEqual(['model_output', 'evaluation_output']);
    expect(created.getDependency('input_path')?.dataType).toBe('S3Uri');
    expect(created.getOutput('model_output')?.aliases).toEqual(['ModelArtifacts', 'model_data']);
    expect(created.getOutput('missing')).toBeUndefined();
  });

  it('creates a specification of its own each time from one declaration, and refuses a broken one each time', () => {
    const declaration = spec();
    const first = StepSpecification.create(declaration);
    const second = StepSpecification.create(declaration);
    expect(second).not.toBe(first);
    expect(second.dependencies).not.toBe(first.dependencies);
    expect(second).toStrictEqual(first);
    const broken = spec({ dependencies: [] });
    expect(() => StepSpecification.create(broken)).toThrow(SpecificationError);
    expect(() => StepSpecification.create(broken)).toThrow(SpecificationError);
  });
});

describe('StepSpecification queries', () => {
  const created = StepSpecification.create(spec());

  it('finds an output by exact logical name, then by case-insensitive alias', () => {
    expect(created.getOutputByNameOrAlias('model_output')?.logicalName).toBe('model_output');
    expect(created.getOutputByNameOrAlias('MODEL_DATA')?.logicalName).toBe('model_output');
    expect(created.getOutputByNameOrAlias('Eval_Data')?.logicalName).toBe('evaluation_output');
    expect(created.getOutputByNameOrAlias('Model_Output')).toBeUndefined();
  });

  it('lists every output name and alias', () => {
    expect(created.listAllOutputNames()).toEqual(['model_output', 'ModelArtifacts', 'model_data', 'evaluation_output', 'eval_data']);
  });

  it('separates required and optional dependencies', () => {
    expect(created.listRequiredDependencies().map((d) => d.logicalName)).toEqual(['input_path']);
    expect(created.listOptionalDependencies().map((d) => d.logicalName)).toEqual(['hyperparameters_s3_uri']);
  });

  it('lists dependencies and outputs by type', () => {
    expect(created.listDependenciesByType(DependencyType.HYPERPARAMETERS).map((d) => d.logicalName)).toEqual(['hyperparameters_s3_uri']);
    expect(created.listDependenciesByType(DependencyType.MODEL_ARTIFACTS)).toEqual([]);
    expect(created.listOutputsByType(DependencyType.PROCESSING_OUTPUT).map((o) => o.logicalName)).toEqual(['evaluation_output']);
  });
});
